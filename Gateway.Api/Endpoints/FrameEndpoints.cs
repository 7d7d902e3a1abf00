using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Cameras;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Live;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>A camera's latest picture, proxied for the web page.</summary>
public static class FrameEndpoints
{
    public static IEndpointRouteBuilder MapFrameEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cameras/{id}/frame", GetFrameAsync)
            .WithTags("Cameras")
            .WithName("GetCameraFrame")
            .WithSummary("The camera's latest JPEG, fetched through its registry image URL and kept in memory for at most the refresh period (5 min at most).")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .RequireAuthorization(Policies.Read)
            .RequireRateLimiting(SecurityServiceCollectionExtensions.ReadPolicy);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFrameAsync(
        string id, IClusterClient cluster, RegistryIndex registry, FrameCache frames, HttpContext http)
    {
        var (cameraId, problem) = await registry.ResolveAsync(id);
        if (problem is not null)
        {
            return problem;
        }

        var snapshot = await cluster.GetGrain<ICameraGrain>(cameraId).GetSnapshot();
        if (snapshot.Registration is not { } registration)
        {
            return Problems.UnknownCamera(cameraId);
        }

        if (!Uri.TryCreate(registration.ImageUrl, UriKind.Absolute, out var imageUrl))
        {
            return Problems.CameraUnavailable(cameraId, "its registry image URL is not a URL");
        }

        var frame = await frames.GetAsync(cameraId, imageUrl);
        if (!frame.IsSuccess)
        {
            return Problems.CameraUnavailable(cameraId, frame.Error);
        }

        // Browsers must not keep it either: the frame lives only in this gateway's memory.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(frame.Jpeg!, "image/jpeg", lastModified: frame.LastModified);
    }
}
