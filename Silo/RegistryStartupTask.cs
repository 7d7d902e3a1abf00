using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Silo;

/// <summary>Starts the camera registry (first sync and its reminder) when a silo comes up; idempotent across silos.</summary>
public sealed class RegistryStartupTask(IGrainFactory grains, ILogger<RegistryStartupTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        // Waiting lets a fresh cluster answer with cameras as soon as it is up; the cap keeps a slow API from
        // holding the silo back (the sync goes on, and its reminder retries).
        try
        {
            var report = await grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).EnsureStarted()
                .WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            logger.LogInformation("Camera registry started: {Report}", report is null ? "no sync yet" : $"{report.Total} cameras, succeeded={report.Succeeded}");
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Camera registry sync is taking over 30 s; the silo starts anyway");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // E.g. the silo holding the registry died during the call (SiloUnavailableException). A startup task that
            // throws stops this silo, which would turn one crash into two; the registry's reminders and the other
            // silos' watchdog calls bring it back.
            logger.LogWarning(ex, "Starting the camera registry failed; the silo starts anyway");
        }
    }
}
