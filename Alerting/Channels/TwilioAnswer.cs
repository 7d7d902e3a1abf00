using System.Text.Json;

namespace VibeCheck.Alerting;

/// <summary>
/// Reads the Messages API's answer: 201 with a message resource, or an error resource
/// (<c>{"code": 21211, "message": ..., "more_info": ..., "status": 400}</c>). 408, 429 and 5xx are retried; other
/// errors (an invalid or unsubscribed number, bad credentials) cannot be cured by retrying and are dead-lettered.
/// </summary>
internal static class TwilioAnswer
{
    private const int MaxBodyChars = 4096;

    private static readonly Dictionary<int, string> KnownCodes = new()
    {
        [20003] = "authentication failed",
        [20404] = "account or resource not found",
        [20429] = "too many requests",
        [21211] = "invalid 'To' number",
        [21212] = "invalid 'From' number",
        [21408] = "sending to this region is not enabled",
        [21606] = "'From' number cannot send SMS",
        [21610] = "recipient unsubscribed (replied STOP)",
        [21614] = "'To' is not a mobile number",
    };

    public static async Task<DeliveryResult> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var json = Parse(body.Length > MaxBodyChars ? body[..MaxBodyChars] : body);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return DeliveryResult.Success($"Twilio accepted message {Text(json, "sid") ?? "(no sid)"} ({Text(json, "status") ?? "no status"})");
        }

        var code = json is { } j && j.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
        var reason = $"Twilio HTTP {status} {response.StatusCode}"
            + (code is { } known ? $", error {known}" + (KnownCodes.TryGetValue(known, out var what) ? $" ({what})" : "") : "")
            + (Text(json, "message") is { } message ? $": {message}" : "");
        return status is 408 or 425 or 429 or >= 500 ? DeliveryResult.Transient(reason) : DeliveryResult.Permanent(reason);
    }

    private static JsonElement? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? json, string property) =>
        json is { } j && j.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
