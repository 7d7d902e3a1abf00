using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Health;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>Liveness, readiness and the operator's status summary.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Operations");
        group.MapGet("/alive", () => TypedResults.Ok(new { status = "alive" }))
            .WithName("Alive").WithSummary("Liveness: the process answers. Does not depend on Redis or the cluster.");
        group.MapGet("/health", HealthAsync)
            .WithName("Health").WithSummary("Readiness: 200 when the cluster and Redis answer, 503 naming the failing part otherwise.");
        group.MapGet("/status", StatusAsync)
            .WithName("Status").WithSummary("Redis status and latency, the cluster's silos, camera counts by health, the last registry sync.");
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> HealthAsync(DependencyProbe probe, CancellationToken cancellationToken)
    {
        var redisTask = probe.RedisAsync(cancellationToken);
        var clusterTask = probe.ClusterAsync(cancellationToken);
        var checks = new[] { await redisTask, (await clusterTask).Status };
        var failing = checks.Where(c => !c.Healthy).ToList();
        if (failing.Count == 0)
        {
            return TypedResults.Ok(new HealthResponse("healthy", checks));
        }

        return TypedResults.Problem(
            title: "Unhealthy",
            detail: string.Join("; ", failing.Select(c => $"{c.Name}: {c.Detail}")),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["failing"] = failing.Select(c => c.Name).ToArray(), ["checks"] = checks });
    }

    private static async Task<Ok<StatusResponse>> StatusAsync(DependencyProbe probe, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var redisTask = probe.RedisAsync(cancellationToken);
        var (clusterStatus, silos) = await probe.ClusterAsync(cancellationToken);
        CameraCountsResponse? cameras = null;
        RegistrySyncReport? lastSync = null;
        if (clusterStatus.Healthy)
        {
            var registry = cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key);
            var counts = await registry.Counts();
            lastSync = await registry.LastSync();
            cameras = new CameraCountsResponse(counts.Total, counts.Watched, counts.ByHealth.ToDictionary(kv => HealthNames.Of(kv.Key), kv => kv.Value));
        }

        return TypedResults.Ok(new StatusResponse(await redisTask, clusterStatus, silos, cameras,
            lastSync is null ? null : new RegistrySyncResponse(lastSync.At, lastSync.Succeeded, lastSync.Error, lastSync.Total, lastSync.Added, lastSync.Changed, lastSync.Removed, lastSync.Rejected.Count)));
    }
}

public sealed record HealthResponse(string Status, IReadOnlyList<DependencyStatus> Checks);

public sealed record StatusResponse(
    DependencyStatus Redis, DependencyStatus Cluster, IReadOnlyList<SiloInfo> Silos, CameraCountsResponse? Cameras, RegistrySyncResponse? LastRegistrySync);

public sealed record CameraCountsResponse(int Total, int Watched, IReadOnlyDictionary<string, int> ByHealth);

public sealed record RegistrySyncResponse(DateTimeOffset At, bool Succeeded, string? Error, int Total, int Added, int Changed, int Removed, int Rejected);
