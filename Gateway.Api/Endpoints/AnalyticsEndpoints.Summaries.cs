using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Grains.Interfaces.Analytics;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>Ready-made violation summaries: one grouping, or the overview's several at once.</summary>
public static partial class AnalyticsEndpoints
{
    /// <summary>Largest <c>limit</c> of <c>/analytics/violations</c>.</summary>
    public const int MaxGroups = 1000;

    /// <summary>Largest <c>top</c> of <c>/analytics/overview</c>.</summary>
    public const int MaxTop = 100;

    /// <summary>Cameras the overview ranks when <c>top</c> is not given.</summary>
    public const int DefaultTop = 10;

    /// <summary>Longest range the overview buckets by hour unless told otherwise; longer ones go by day.</summary>
    public const int MaxHourlySpanHours = 48;

    private static async Task<Results<Ok<ViolationSummaryResponse>, ProblemHttpResult>> SummarizeViolationsAsync(
        IClusterClient cluster, TimeProvider clock, string? from = null, string? to = null, string? groupBy = null, string? limit = null)
    {
        if (!TryParseGrouping(groupBy, AnalyticsGrouping.Camera, out var grouping))
        {
            return Problems.BadQuery("groupBy must be one of camera, type, hour, day, borough.");
        }

        if (!QueryNumbers.TryParse(limit, MaxGroups, MaxGroups, out var keep))
        {
            return Problems.BadQuery($"limit must be a whole number from 1 to {MaxGroups}.");
        }

        if (!AnalyticsRange.TryParse(from, to, clock.GetUtcNow(), out var range, out var error))
        {
            return Problems.BadQuery(error);
        }

        try
        {
            var groups = await SummarizeAsync(cluster, range, grouping);
            var shown = limit is null ? groups : Largest(groups, keep);
            return TypedResults.Ok(new ViolationSummaryResponse(range.From, range.To, Name(grouping), groups.Sum(g => g.Violations), shown));
        }
        catch (IOException ex)
        {
            return Unavailable(ex.Message);
        }
    }

    private static async Task<Results<Ok<AnalyticsOverviewResponse>, ProblemHttpResult>> OverviewAsync(
        IClusterClient cluster, TimeProvider clock, string? from = null, string? to = null, string? bucket = null, string? top = null)
    {
        if (!AnalyticsRange.TryParse(from, to, clock.GetUtcNow(), out var range, out var error))
        {
            return Problems.BadQuery(error);
        }

        var byDefault = range.Span <= TimeSpan.FromHours(MaxHourlySpanHours) ? AnalyticsGrouping.Hour : AnalyticsGrouping.Day;
        if (!TryParseGrouping(bucket, byDefault, out var timeBucket) || timeBucket is not (AnalyticsGrouping.Hour or AnalyticsGrouping.Day))
        {
            return Problems.BadQuery("bucket must be hour or day.");
        }

        if (!QueryNumbers.TryParse(top, DefaultTop, MaxTop, out var topCameras))
        {
            return Problems.BadQuery($"top must be a whole number from 1 to {MaxTop}.");
        }

        try
        {
            // The warehouse grain is reentrant: the four summaries run side by side.
            var overTime = SummarizeAsync(cluster, range, timeBucket);
            var byType = SummarizeAsync(cluster, range, AnalyticsGrouping.Type);
            var byBorough = SummarizeAsync(cluster, range, AnalyticsGrouping.Borough);
            var byCamera = SummarizeAsync(cluster, range, AnalyticsGrouping.Camera);
            await Task.WhenAll(overTime, byType, byBorough, byCamera);
            return TypedResults.Ok(new AnalyticsOverviewResponse(range.From, range.To, Name(timeBucket), (await byType).Sum(g => g.Violations),
                await overTime, await byType, await byBorough, Largest(await byCamera, topCameras)));
        }
        catch (IOException ex)
        {
            return Unavailable(ex.Message);
        }
    }

    private static async Task<IReadOnlyList<ViolationSummaryItem>> SummarizeAsync(IClusterClient cluster, AnalyticsRange range, AnalyticsGrouping grouping)
    {
        var rows = await cluster.GetGrain<IWarehouseGrain>(IWarehouseGrain.Key).SummarizeViolations(range.From, range.To, grouping);
        return rows.Select(r => new ViolationSummaryItem(r.Key, r.Violations, Math.Round(r.AverageConfidence, 4))).ToList();
    }

    /// <summary>The <paramref name="count"/> largest groups, largest first; ties in key order so the cut is stable.</summary>
    private static IReadOnlyList<ViolationSummaryItem> Largest(IReadOnlyList<ViolationSummaryItem> groups, int count) =>
        groups.OrderByDescending(g => g.Violations).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count).ToList();

    private static string Name(AnalyticsGrouping grouping) => grouping.ToString().ToLowerInvariant();

    private static bool TryParseGrouping(string? value, AnalyticsGrouping fallback, out AnalyticsGrouping grouping)
    {
        grouping = fallback;
        return string.IsNullOrEmpty(value)
               || (Enum.TryParse(value, ignoreCase: true, out grouping) && Enum.IsDefined(grouping) && !value.Any(char.IsDigit));
    }
}
