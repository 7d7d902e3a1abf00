using System.Text.Json;

namespace VibeCheck.Grains.Processing;

/// <summary>
/// One processing request: the JSON of a stream entry's <c>data</c> field, e.g. <c>{"cameraId": "..."}</c> or
/// <c>{"cameraId": "...", "action": "refit"}</c> (the action defaults to <c>process</c>).
/// </summary>
public sealed record ProcessingRequest(Guid CameraId, ProcessingAction Action)
{
    /// <summary>Most bytes of <c>data</c> read; a larger entry is malformed.</summary>
    public const int MaxDataLength = 4096;

    /// <summary>The request in <paramref name="data"/>, or null with the reason it is malformed.</summary>
    public static ProcessingRequest? Parse(string? data, out string reason)
    {
        reason = "";
        if (string.IsNullOrWhiteSpace(data))
        {
            reason = "the entry has no data field (expected data = {\"cameraId\": \"<uuid>\"})";
            return null;
        }

        if (data.Length > MaxDataLength)
        {
            reason = $"data is {data.Length} characters, more than {MaxDataLength}";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "data must be a JSON object such as {\"cameraId\": \"<uuid>\"}";
                return null;
            }

            if (!root.TryGetProperty("cameraId", out var id) || id.ValueKind != JsonValueKind.String
                || !Guid.TryParseExact(id.GetString(), "D", out var cameraId))
            {
                reason = "cameraId must be a camera UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
                return null;
            }

            var action = ProcessingAction.Process;
            if (root.TryGetProperty("action", out var named))
            {
                if (named.ValueKind != JsonValueKind.String || !TryParseAction(named.GetString(), out action))
                {
                    reason = "action must be \"process\" or \"refit\"";
                    return null;
                }
            }

            return new ProcessingRequest(cameraId, action);
        }
        catch (JsonException ex)
        {
            reason = $"data is not JSON: {ex.Message}";
            return null;
        }
    }

    private static bool TryParseAction(string? text, out ProcessingAction action)
    {
        (var known, action) = text switch
        {
            "process" => (true, ProcessingAction.Process),
            "refit" => (true, ProcessingAction.Refit),
            _ => (false, ProcessingAction.Process),
        };
        return known;
    }
}
