using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Cameras;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>Operator calls that need an admin key.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin")
            .ForAdmins();
        admin.MapPost("/registry/sync", SyncRegistryAsync)
            .WithName("SyncRegistry")
            .WithSummary("Syncs the camera registry from the NYC DOT API now.");
        admin.MapPost("/cameras/poll", PollAllAsync)
            .WithName("PollAllCameras")
            .WithSummary("Processes every watched camera once now (parallelism 1..1024, default 64) and reports the wall time.");
        admin.MapPost("/cameras/sweep", SweepCamerasAsync)
            .WithName("SweepCameras")
            .WithSummary("Runs the camera watchdog now: every watched camera makes sure it polls, cameras are counted per silo and crowded silos hand some to the others.");
        return app;
    }

    private static async Task<Ok<CameraSweepReport>> SweepCamerasAsync(IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).SweepCameras("operator"));

    private static async Task<Ok<PollAllReport>> PollAllAsync(IClusterClient cluster, int parallelism = 64) =>
        TypedResults.Ok(await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).PollAll(parallelism));

    private static async Task<Ok<RegistrySyncReport>> SyncRegistryAsync(IClusterClient cluster, RegistryIndex registry)
    {
        var report = await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).Sync();
        // The synced cameras are served by this gateway at once, not after its index's next refresh.
        await registry.RefreshAsync();
        return TypedResults.Ok(report);
    }
}
