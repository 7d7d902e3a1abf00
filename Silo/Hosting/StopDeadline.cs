using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VibeCheck.Grains.Hosting;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Silo.Hosting;

/// <summary>
/// Bounds a silo's stop. Orleans' membership agent retries its farewell writes (ShuttingDown, Stopping, Dead) for
/// about a minute each when Redis is unreachable, whatever the host's shutdown timeout, so a silo whose Redis had gone
/// took two minutes to stop. When <see cref="StopOptions.StopTimeout"/> has passed since the stop began, this logs what
/// is given up and ends the process with exit code 1.
/// </summary>
public sealed partial class StopDeadline(
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    IOptions<StopOptions> options,
    UnsavedWork unsavedWork,
    IConnectionMultiplexer redis,
    ILogger<StopDeadline> logger) : IHostedService
{
    private CancellationTokenRegistration _onStopping;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _onStopping = lifetime.ApplicationStopping.Register(() => _ = GiveUpAfterAsync(options.Value.StopTimeout));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task GiveUpAfterAsync(TimeSpan timeout)
    {
        await Task.Delay(timeout, CancellationToken.None);
        var unsaved = unsavedWork.Snapshot();
        var warehouseRows = services.GetService<WarehouseWriter>()?.Stats.RowsPending ?? 0;
        LogGivingUp(logger, timeout, redis.IsConnected ? "reachable" : "unreachable", unsaved.Count, warehouseRows);
        foreach (var (owner, what) in unsaved)
        {
            LogGaveUp(logger, owner, what);
        }

        if (!redis.IsConnected)
        {
            LogMembership(logger);
        }

        // The console logger writes on a thread of its own: disposing the providers flushes what was just logged.
        (services.GetService<ILoggerFactory>() as IDisposable)?.Dispose();
        // The host's console lifetime would hold Environment.Exit for up to twice the shutdown timeout, waiting for
        // the stop this gives up on.
        (services.GetService<IHostLifetime>() as IDisposable)?.Dispose();
        Environment.Exit(1);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The silo did not stop within {Timeout} (Redis {RedisState}); exiting now and giving up {Unsaved} unsaved grain state(s) and {WarehouseRows} warehouse row(s) not yet written")]
    private static partial void LogGivingUp(ILogger logger, TimeSpan timeout, string redisState, int unsaved, long warehouseRows);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Gave up on {Owner}: {What}")]
    private static partial void LogGaveUp(ILogger logger, string owner, string what);

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "Gave up marking this silo dead in the membership table: the other silos declare it dead when their probes fail, and its grains move then")]
    private static partial void LogMembership(ILogger logger);
}
