using Microsoft.AspNetCore.Http.HttpResults;
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
        app.MapCameraGroup().MapGet("/frame", GetFrameAsync)
            .WithTags("Cameras")
            .WithName("GetCameraFrame")
            .WithSummary("The camera's latest JPEG, fetched through its registry image URL and kept in memory for at most the refresh period (5 min at most).")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ForReaders();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFrameAsync(
        KnownCamera camera, IClusterClient cluster, FrameCache frames, HttpContext http)
    {
        var snapshot = await cluster.GetGrain<ICameraGrain>(camera.Id).GetSnapshot();
        if (snapshot.Registration is not { } registration)
        {
            return Problems.UnknownCamera(camera.Id);
        }

        if (!Uri.TryCreate(registration.ImageUrl, UriKind.Absolute, out var imageUrl))
        {
            return Problems.CameraUnavailable(camera.Id, "its registry image URL is not a URL");
        }

        var frame = await frames.GetAsync(camera.Id, imageUrl);
        if (!frame.IsSuccess)
        {
            return Problems.CameraUnavailable(camera.Id, frame.Error);
        }

        // Browsers must not keep it either: the frame lives only in this gateway's memory.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(frame.Jpeg!, "image/jpeg", lastModified: frame.LastModified);
    }
}
