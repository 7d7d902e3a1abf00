using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Cameras;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Security;
using VibeCheck.Gateway.Telemetry;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>Cameras: the registry list, one camera's state, and processing a camera on demand.</summary>
public static class CameraEndpoints
{
    public static IEndpointRouteBuilder MapCameraEndpoints(this IEndpointRouteBuilder app)
    {
        var cameras = app.MapGroup("/cameras").WithTags("Cameras")
            .ForReaders();
        cameras.MapGet("/", ListCamerasAsync)
            .WithName("ListCameras")
            .WithSummary("Lists the registry's cameras, optionally by borough and health (online, offline, frozen, being_serviced, unknown).");
        app.MapCameraGroup().WithTags("Cameras").ForReaders().MapGet("", GetCameraAsync)
            .WithName("GetCamera")
            .WithSummary("One camera's registry entry and polling state.");

        app.MapPost("/process/camera/{id}", ProcessCameraAsync)
            .WithTags("Cameras")
            .WithName("ProcessCamera")
            .WithSummary("Fetches, hashes and analyses the camera's latest frame, or answers from the grain within the camera's refresh period.")
            .ResolvesCamera()
            .ForWriters();
        return app;
    }

    private static async Task<Results<Ok<CameraListResponse>, ProblemHttpResult>> ListCamerasAsync(
        IClusterClient cluster, RegistryIndex registry, string? borough = null, string? health = null)
    {
        CameraHealth? healthFilter = null;
        if (health is not null)
        {
            if (!HealthNames.TryParse(health, out var parsed))
            {
                return Problems.BadQuery($"health must be one of {string.Join(", ", Enum.GetValues<CameraHealth>().Select(HealthNames.Of))}.");
            }

            healthFilter = parsed;
        }

        if (borough is { Length: > 64 })
        {
            return Problems.BadQuery("borough is longer than 64 characters.");
        }

        var listing = await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).List(borough, healthFilter);
        var items = listing.Select(CameraListItem.From).ToList();
        registry.Include(items.Select(i => i.Id));
        return TypedResults.Ok(new CameraListResponse(items.Count, items));
    }

    private static async Task<Results<Ok<CameraDetailResponse>, ProblemHttpResult>> GetCameraAsync(
        KnownCamera camera, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ICameraGrain>(camera.Id).GetSnapshot();
        return TypedResults.Ok(CameraDetailResponse.From(snapshot));
    }

    private static async Task<Results<Ok<ProcessResponse>, ProblemHttpResult>> ProcessCameraAsync(
        KnownCamera camera, IClusterClient cluster, GatewayMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();

        var result = await cluster.GetGrain<ICameraGrain>(camera.Id).ProcessNow();
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.RecordProcess(result, elapsed);
        return result.Outcome switch
        {
            ProcessOutcome.Processed => TypedResults.Ok(ProcessResponse.From(result, elapsed.TotalMilliseconds)),
            ProcessOutcome.NotRegistered => Problems.UnknownCamera(camera.Id),
            _ => Problems.CameraUnavailable(camera.Id, result.Error),
        };
    }
}
