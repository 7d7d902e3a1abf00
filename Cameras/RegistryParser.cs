using System.Globalization;
using System.Text.Json;

namespace VibeCheck.Cameras;

/// <summary>
/// Reads the NYC DOT camera list (<c>GET /api/cameras</c>) and keeps only entries that are safe to poll:
/// a UUID id, coordinates inside the five boroughs, and an image on an allowed host. The real list holds
/// an entry in Northern Ireland on another host; such entries are rejected with a reason, never polled.
/// </summary>
public sealed class RegistryParser(IEnumerable<string> allowedImageHosts, Uri baseUrl)
{
    private const int MaxNameLength = 200;
    private readonly HashSet<string> _allowedHosts = new(allowedImageHosts, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="RegistryFormatException">The document is not JSON or not an array of objects.</exception>
    public RegistryParseResult Parse(ReadOnlySpan<byte> json)
    {
        // System.Text.Json accepts invalid UTF-8 inside strings and only fails when one is read; refuse it up front.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            throw new RegistryFormatException("camera list is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            throw new RegistryFormatException($"camera list is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new RegistryFormatException(
                    $"camera list must be a JSON array, got {document.RootElement.ValueKind}");
            }

            var cameras = new List<CameraInfo>();
            var rejected = new List<RejectedCamera>();
            var seen = new HashSet<Guid>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var outcome = ParseEntryOrReject(entry);
                if (outcome.Camera is { } camera && !seen.Add(camera.Id))
                {
                    outcome = (null, new RejectedCamera(camera.Id.ToString(), camera.Name, "duplicate id"));
                }

                if (outcome.Camera is not null)
                {
                    cameras.Add(outcome.Camera);
                }
                else
                {
                    rejected.Add(outcome.Rejection!);
                }
            }

            return new RegistryParseResult(cameras, rejected);
        }
    }

    private (CameraInfo? Camera, RejectedCamera? Rejection) ParseEntryOrReject(JsonElement entry)
    {
        try
        {
            return ParseEntry(entry);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString throws for an escaped unpaired surrogate ("\uD800"): valid JSON, but no text.
            return (null, new RejectedCamera(null, null, "entry holds a string that is not valid text (unpaired surrogate)"));
        }
    }

    private (CameraInfo? Camera, RejectedCamera? Rejection) ParseEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return (null, new RejectedCamera(null, null, $"entry is {entry.ValueKind}, not an object"));
        }

        var rawId = ReadString(entry, "id");
        var name = ReadString(entry, "name");
        RejectedCamera Reject(string reason) => new(rawId, name, reason);

        if (!Guid.TryParseExact(rawId, "D", out var id))
        {
            return (null, Reject("id is not a UUID"));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            return (null, Reject("name is missing or longer than 200 characters"));
        }

        if (!TryReadNumber(entry, "latitude", out var latitude) || !TryReadNumber(entry, "longitude", out var longitude))
        {
            return (null, Reject("latitude or longitude is missing or not a number"));
        }

        if (!NewYorkCityBounds.Contains(latitude, longitude))
        {
            return (null, Reject(FormattableString.Invariant(
                $"coordinates {latitude:F5},{longitude:F5} are outside the five boroughs")));
        }

        var imageUrl = ReadImageUrl(entry, id);
        if (imageUrl is null)
        {
            return (null, Reject("imageUrl is not an absolute http(s) URL"));
        }

        if (!_allowedHosts.Contains(imageUrl.Host))
        {
            return (null, Reject($"image host {imageUrl.Host} is not an allowed camera host"));
        }

        var borough = ReadString(entry, "area") ?? "Unknown";
        return (new CameraInfo(id, name.Trim(), latitude, longitude, borough, ReadOnlineFlag(entry), imageUrl), null);
    }

    private Uri? ReadImageUrl(JsonElement entry, Guid id)
    {
        var raw = ReadString(entry, "imageUrl");
        if (raw is null)
        {
            return new Uri(baseUrl, $"/api/cameras/{id}/image");
        }

        return Uri.TryCreate(raw, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
    }

    private static string? ReadString(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryReadNumber(JsonElement entry, string property, out double number)
    {
        number = double.NaN;
        if (!entry.TryGetProperty(property, out var value))
        {
            return false;
        }

        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
        return parsed && double.IsFinite(number);
    }

    // The real API sends the string "true"; accept a JSON boolean too.
    private static bool ReadOnlineFlag(JsonElement entry) =>
        entry.TryGetProperty("isOnline", out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
}
