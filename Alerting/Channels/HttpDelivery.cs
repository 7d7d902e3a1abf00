using System.Net;
using System.Text;
using Polly.Timeout;

namespace VibeCheck.Alerting;

/// <summary>Posts a body and classifies the answer; shared by the webhook, Slack and SMS channels.</summary>
internal static class HttpDelivery
{
    /// <summary>Posts a JSON body; the status code alone decides the outcome.</summary>
    public static Task<DeliveryResult> PostAsync(
        HttpClient http,
        string url,
        bool allowPrivateNetworkTargets,
        byte[] body,
        IReadOnlyDictionary<string, string> headers,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        PostAsync(
            http,
            url,
            allowPrivateNetworkTargets,
            new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json; charset=utf-8" } } },
            headers,
            timeout,
            static (response, _) => Task.FromResult(Classify(response.StatusCode)),
            cancellationToken);

    /// <summary>Posts <paramref name="content"/> (disposed here); <paramref name="classify"/> reads the answer within the timeout.</summary>
    public static async Task<DeliveryResult> PostAsync(
        HttpClient http,
        string url,
        bool allowPrivateNetworkTargets,
        HttpContent content,
        IReadOnlyDictionary<string, string> headers,
        TimeSpan timeout,
        Func<HttpResponseMessage, CancellationToken, Task<DeliveryResult>> classify,
        CancellationToken cancellationToken)
    {
        var invalid = WebhookUrlValidator.Validate(url, allowPrivateNetworkTargets);
        if (invalid is not null)
        {
            content.Dispose();
            return DeliveryResult.Permanent($"invalid URL: {invalid}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            return await classify(response, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient($"timed out after {timeout.TotalSeconds:0.###} s");
        }
        catch (TimeoutRejectedException e)
        {
            return DeliveryResult.Transient($"timed out: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Transient($"request failed: {Describe(e)}");
        }
    }

    public static DeliveryResult Classify(HttpStatusCode status)
    {
        var code = (int)status;
        var text = $"HTTP {code} {status}";
        if (code is >= 200 and < 300)
        {
            return DeliveryResult.Success(text);
        }

        return code is 408 or 425 or 429 or >= 500
            ? DeliveryResult.Transient(text)
            : DeliveryResult.Permanent(text);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Describe(HttpRequestException e) =>
        e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
}
