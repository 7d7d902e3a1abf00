using System.Globalization;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>The [from, to) of an analytics summary, parsed from the query string as every summary endpoint reads it.</summary>
/// <param name="From">Inclusive start, UTC.</param>
/// <param name="To">Exclusive end, UTC.</param>
public readonly record struct AnalyticsRange(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Longest span a summary may cover.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(366);

    /// <summary>Default span when <c>from</c> is not given.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(1);

    /// <summary>The span of the range.</summary>
    public TimeSpan Span => To - From;

    /// <summary>ISO 8601 dates or times (UTC without an offset); <c>to</c> defaults to now, <c>from</c> to a day before <c>to</c>.</summary>
    public static bool TryParse(string? from, string? to, DateTimeOffset now, out AnalyticsRange range, out string error)
    {
        range = default;
        error = "";
        if (!TryParseTime(to, now, out var end))
        {
            error = "to must be an ISO 8601 date or time, e.g. 2025-06-01 or 2025-06-01T12:00:00Z.";
        }
        else if (!TryParseTime(from, end - DefaultSpan, out var start))
        {
            error = "from must be an ISO 8601 date or time, e.g. 2025-06-01 or 2025-06-01T12:00:00Z.";
        }
        else if (start >= end)
        {
            error = "from must be before to.";
        }
        else if (end - start > MaxSpan)
        {
            error = $"from and to may be at most {MaxSpan.TotalDays:0} days apart.";
        }
        else
        {
            range = new AnalyticsRange(start, end);
        }

        return error.Length == 0;
    }

    private static bool TryParseTime(string? value, DateTimeOffset fallback, out DateTimeOffset time)
    {
        time = fallback;
        return string.IsNullOrEmpty(value)
               || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
