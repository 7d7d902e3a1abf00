using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>A camera's violation episodes, as its grain tracks them.</summary>
public static class ViolationEndpoints
{
    public static IEndpointRouteBuilder MapViolationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCameraGroup().MapGet("/violations", ListAsync)
            .WithTags("Violations")
            .WithName("ListCameraViolations")
            .WithSummary("The camera's violation episodes (open, then recently resolved) with confidence and evidence.")
            .ForReaders();
        return app;
    }

    private static async Task<Results<Ok<ViolationListResponse>, ProblemHttpResult>> ListAsync(
        KnownCamera camera, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<ICameraGrain>(camera.Id);
        var episodes = await grain.GetViolations();
        var status = await grain.GetDetectionStatus();
        return TypedResults.Ok(new ViolationListResponse(
            camera.Id, episodes.Count, episodes.Select(ViolationEpisodeResponse.From).ToList(),
            status.PendingViolationReports, status.PendingActivityReports, status.CurrentBucketStart, status.CurrentBucketFrames));
    }
}
