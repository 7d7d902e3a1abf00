using System.Net;
using System.Text;
using Polly.Timeout;

namespace VibeCheck.Alerting;

/// <summary>Posts a JSON body and classifies the answer; shared by the webhook and Slack channels.</summary>
internal static class HttpDelivery
{
    public static async Task<DeliveryResult> PostAsync(
        HttpClient http,
        string url,
        bool allowPrivateNetworkTargets,
        byte[] body,
        IReadOnlyDictionary<string, string> headers,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var invalid = WebhookUrlValidator.Validate(url, allowPrivateNetworkTargets);
        if (invalid is not null)
        {
            return DeliveryResult.Permanent($"invalid URL: {invalid}");
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json; charset=utf-8" } } },
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            return Classify(response.StatusCode);
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
