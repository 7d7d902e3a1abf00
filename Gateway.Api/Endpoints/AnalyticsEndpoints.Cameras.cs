using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Grains.Interfaces.Analytics;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>Violations per camera with their types: what the live page's map draws for a range.</summary>
public static partial class AnalyticsEndpoints
{
    private static async Task<Results<Ok<CameraViolationsResponse>, ProblemHttpResult>> SummarizeCamerasAsync(
        IClusterClient cluster, TimeProvider clock, string? from = null, string? to = null, string? limit = null)
    {
        if (!QueryNumbers.TryParse(limit, MaxGroups, MaxGroups, out var keep))
        {
            return Problems.BadQuery($"limit must be a whole number from 1 to {MaxGroups}.");
        }

        if (!AnalyticsRange.TryParse(from, to, clock.GetUtcNow(), out var range, out var error))
        {
            return Problems.BadQuery(error);
        }

        IReadOnlyList<CameraTypeViolationSummary> rows;
        try
        {
            rows = await cluster.GetGrain<IWarehouseGrain>(IWarehouseGrain.Key).SummarizeViolationsByCameraAndType(range.From, range.To);
        }
        catch (IOException ex)
        {
            return Unavailable(ex.Message);
        }

        var cameras = rows.GroupBy(r => r.Camera, StringComparer.Ordinal).Select(PerCamera)
            .OrderByDescending(c => c.Violations).ThenBy(c => c.Camera, StringComparer.Ordinal)
            .Take(keep).ToList();
        return TypedResults.Ok(new CameraViolationsResponse(range.From, range.To, rows.Sum(r => r.Violations), cameras));
    }

    private static CameraViolations PerCamera(IGrouping<string, CameraTypeViolationSummary> types)
    {
        var violations = types.Sum(t => t.Violations);
        var confidence = types.Sum(t => t.AverageConfidence * t.Violations) / violations;
        var byType = types.OrderByDescending(t => t.Violations).ThenBy(t => t.Type, StringComparer.Ordinal)
            .Select(t => new ViolationSummaryItem(t.Type, t.Violations, Math.Round(t.AverageConfidence, 4))).ToList();
        return new CameraViolations(types.Key, violations, Math.Round(confidence, 4), byType);
    }
}
