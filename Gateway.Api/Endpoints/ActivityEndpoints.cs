using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Gateway.Endpoints;

/// <summary><c>GET /cameras/{id}/activity</c>: the stored 5-minute activity buckets the forecasts are fitted on.</summary>
public static class ActivityEndpoints
{
    /// <summary>Hours answered when the query names none: the page's chart shows one day.</summary>
    public const int DefaultHours = 24;

    /// <summary>Most hours one request may ask for: the series keeps five weeks.</summary>
    public const int MaxHours = 35 * 24;

    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCameraGroup().MapGet("/activity", GetActivityAsync)
            .WithTags("Predictions")
            .WithName("GetCameraActivity")
            .WithSummary($"The camera's stored 5-minute activity buckets (vehicles, persons, violations) of the last ?hours= hours (default {DefaultHours}, at most {MaxHours}), oldest first.")
            .ForReaders();
        return app;
    }

    private static async Task<Results<Ok<ActivityHistoryResponse>, ProblemHttpResult>> GetActivityAsync(
        KnownCamera camera, IClusterClient cluster, TimeProvider clock, string? hours = null)
    {
        if (!QueryNumbers.TryParse(hours, DefaultHours, MaxHours, out var span))
        {
            // Checked before the id so that a bad query never costs a registry lookup.
            return Problems.BadQuery($"hours must be a whole number between 1 and {MaxHours}.");
        }

        var since = clock.GetUtcNow() - TimeSpan.FromHours(span);
        var report = await cluster.GetGrain<ICameraForecastGrain>(camera.Id).GetActivity(since);
        return TypedResults.Ok(ActivityHistoryResponse.Of(report, span, since));
    }
}
