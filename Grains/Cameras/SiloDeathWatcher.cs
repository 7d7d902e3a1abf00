using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// Runs in every silo: as soon as the cluster declares a silo dead, asks the camera registry to sweep the watched
/// cameras, so the dead silo's cameras are re-activated on the survivors at once rather than at the next watchdog
/// pass or their own reminder. Every survivor hears of the death; the registry merges their calls into one pass.
/// </summary>
public sealed class SiloDeathWatcher(
    IClusterMembershipService membership,
    IGrainFactory grains,
    ILogger<SiloDeathWatcher> logger) : BackgroundService
{
    private const int SweepAttempts = 5;
    private static readonly TimeSpan SweepRetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ClusterMembershipSnapshot? previous = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var died = previous is null
                    ? []
                    : snapshot.CreateUpdate(previous).Changes.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToList();
                previous = snapshot;
                if (died.Count > 0)
                {
                    await SweepAsync(died, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(IReadOnlyList<SiloAddress> died, CancellationToken cancellation)
    {
        var silos = string.Join(", ", died);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var report = await grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).SweepCameras("silo dead: " + silos);
                logger.LogInformation("Silo(s) {Silos} declared dead: {Watched} watched cameras swept in {ElapsedMs:F0} ms, {Unreachable} unreachable",
                    silos, report.Watched, report.ElapsedMs, report.Unreachable);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < SweepAttempts)
            {
                // Right after a death the registry may still be addressed on the dead silo, or the survivor be too
                // busy to answer in time; without a retry the cameras would wait for the registry's reminder.
                logger.LogInformation(ex, "Sweeping cameras after the death of {Silos} failed (attempt {Attempt}); retrying", silos, attempt);
                await Task.Delay(SweepRetryDelay * attempt, cancellation);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The registry's own watchdog pass and the cameras' reminders still bring them back.
                logger.LogWarning(ex, "Sweeping cameras after the death of {Silos} failed {Attempts} times", silos, attempt);
                return;
            }
        }
    }
}
