using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace VibeCheck.Gateway.Http.Csv;

/// <summary>The two forms a table-shaped answer takes.</summary>
public enum ResponseFormat
{
    /// <summary><c>application/json</c>, the default.</summary>
    Json,

    /// <summary><c>text/csv</c> with a header row.</summary>
    Csv,
}

/// <summary>Picks JSON or CSV from a request's <c>Accept</c> header.</summary>
public static class ResponseFormats
{
    /// <summary>
    /// The form the client prefers: the higher quality of the most specific entry matching each form, JSON on a tie or
    /// without an <c>Accept</c> header; null when neither form is acceptable. False when the header does not parse.
    /// </summary>
    public static bool TryChoose(StringValues accept, out ResponseFormat? format)
    {
        format = ResponseFormat.Json;
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseStrictList(accept, out var entries))
        {
            format = null;
            return false;
        }

        var json = Quality(entries, "application", "json");
        var csv = Quality(entries, "text", "csv");
        format = json <= 0 && csv <= 0 ? null : csv > json ? ResponseFormat.Csv : ResponseFormat.Json;
        return true;
    }

    private static double Quality(IList<MediaTypeHeaderValue> entries, string type, string subtype)
    {
        var best = entries
            .Select(e => (Specificity: Specificity(e, type, subtype), Quality: e.Quality ?? 1))
            .Where(e => e.Specificity > 0)
            .OrderByDescending(e => e.Specificity)
            .ThenByDescending(e => e.Quality)
            .FirstOrDefault();
        return best.Specificity == 0 ? 0 : best.Quality;
    }

    private static int Specificity(MediaTypeHeaderValue entry, string type, string subtype)
    {
        if (entry.MatchesAllTypes)
        {
            return 1;
        }

        if (!entry.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return entry.MatchesAllSubTypes ? 2 : entry.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase) ? 3 : 0;
    }
}
