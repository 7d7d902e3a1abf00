using VibeCheck.Gateway.Cameras;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Telemetry;

/// <summary>Keeps the gateway's camera-health gauge and registry index fresh without a grain call per scrape.</summary>
public sealed class ClusterStatusPoller(
    IClusterClient cluster, GatewayMetrics metrics, RegistryIndex registry, IHostApplicationLifetime lifetime, ILogger<ClusterStatusPoller> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await HostStarted.WaitAsync(lifetime, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                metrics.LatestHealthCounts = await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).Counts();
                await registry.RefreshAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Cluster status poll failed; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
