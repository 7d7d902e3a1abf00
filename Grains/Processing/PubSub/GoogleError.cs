using System.Text.Json;

namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>Reads Google's error body, <c>{"error": {"code": 404, "message": "...", "status": "NOT_FOUND"}}</c>.</summary>
internal static class GoogleError
{
    /// <summary>The canonical status and message, or the start of the body when it is not Google's error JSON.</summary>
    public static (string? Status, string Message) Of(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var error = document.RootElement.GetProperty("error");
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? text : text;
            var status = error.TryGetProperty("status", out var s) ? s.GetString() : null;
            return (status, message);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, text.Length > 500 ? text[..500] : text);
        }
    }
}
