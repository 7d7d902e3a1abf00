namespace VibeCheck.Integration.Tests;

/// <summary>Waits for a server that is starting to answer at all, whatever the status.</summary>
public static class FirstAnswer
{
    public static async Task<HttpResponseMessage> FromAsync(HttpClient http, string path, TimeSpan timeout)
    {
        HttpResponseMessage? answer = null;
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                try
                {
                    answer = await http.GetAsync(path);
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            timeout, $"an answer to {path}");
        return answer!;
    }
}
