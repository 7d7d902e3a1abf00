using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Cameras;
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
        app.MapGet("/cameras/{id}/violations", ListAsync)
            .WithTags("Violations")
            .WithName("ListCameraViolations")
            .WithSummary("The camera's violation episodes (open, then recently resolved) with confidence and evidence.")
            .RequireAuthorization(Policies.Read)
            .RequireRateLimiting(SecurityServiceCollectionExtensions.ReadPolicy);
        return app;
    }

    private static async Task<Results<Ok<ViolationListResponse>, ProblemHttpResult>> ListAsync(
        string id, IClusterClient cluster, RegistryIndex registry)
    {
        var (cameraId, problem) = await registry.ResolveAsync(id);
        if (problem is not null)
        {
            return problem;
        }

        var camera = cluster.GetGrain<ICameraGrain>(cameraId);
        var episodes = await camera.GetViolations();
        var status = await camera.GetDetectionStatus();
        return TypedResults.Ok(new ViolationListResponse(
            cameraId, episodes.Count, episodes.Select(ViolationEpisodeResponse.From).ToList(),
            status.PendingViolationReports, status.PendingActivityReports, status.CurrentBucketStart, status.CurrentBucketFrames));
    }
}
