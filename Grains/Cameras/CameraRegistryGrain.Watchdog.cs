using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The camera watchdog. A camera's poll timer dies with its silo, and its own reminder (at least a minute, Orleans'
/// floor) would bring it back only at its next tick. The registry instead asks every watched camera to make sure
/// it polls, every <see cref="CameraPollingOptions.WatchdogPeriod"/> and at once when a silo is declared dead
/// (<see cref="SiloDeathWatcher"/>): the call re-activates a camera of the dead silo on a survivor. The cameras'
/// reminders stay as the backstop, and the registry's own reminder brings the watchdog back if the registry died.
/// Each pass also evens out the cameras across the active silos.
/// </summary>
public sealed partial class CameraRegistryGrain
{
    private const string WatchdogReminder = "camera-watchdog";
    private static readonly TimeSpan WatchdogReminderPeriod = TimeSpan.FromMinutes(1);
    private const int SweepParallelism = 64;
    private const int SweepAttempts = 3;
    private static readonly TimeSpan SweepRetryDelay = TimeSpan.FromSeconds(2);
    private IGrainTimer? _watchdogTimer;
    private Task<CameraSweepReport>? _sweep;
    private bool _balancing;

    public Task<CameraSweepReport> SweepCameras(string reason)
    {
        // Interleaved calls (the timer, several silos hearing of the same death) share the pass that is running.
        if (_sweep is { IsCompleted: false } running)
        {
            return running;
        }

        _sweep = SweepAsync(reason);
        return _sweep;
    }

    private void StartWatchdog()
    {
        _watchdogTimer ??= this.RegisterGrainTimer(
            async _ => await SweepCameras("watchdog"),
            // Interleaved so that a pass waiting on unreachable cameras does not hold up health reports and syncs;
            // it only reads a copy of the watched list.
            new GrainTimerCreationOptions(_options.WatchdogPeriod, _options.WatchdogPeriod) { KeepAlive = true, Interleave = true });
    }

    private async Task<CameraSweepReport> SweepAsync(string reason)
    {
        var started = Stopwatch.GetTimestamp();
        var watched = state.State.Watched.ToList();
        var placements = new Dictionary<Guid, CameraPlacement>();
        IReadOnlyList<Guid> pending = watched;
        // Right after a death is declared some calls may still be routed to the dead silo; those are retried shortly.
        for (var attempt = 1; attempt <= SweepAttempts && pending.Count > 0; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(SweepRetryDelay);
            }

            pending = await EnsurePollingAsync(pending, placements);
        }

        var moved = await BalanceAsync(placements);
        var bySilo = placements.Values.GroupBy(p => p.Silo.ToString()).ToDictionary(g => g.Key, g => g.Count());
        var report = new CameraSweepReport(
            clock.GetUtcNow(), reason, watched.Count, pending.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, bySilo, moved);
        if (pending.Count > 0)
        {
            logger.LogWarning("Camera watchdog ({Reason}): {Unreachable} of {Watched} watched cameras did not answer; retrying on the next pass",
                reason, pending.Count, watched.Count);
        }
        else
        {
            logger.LogDebug("Camera watchdog ({Reason}): {Watched} cameras in {ElapsedMs:F0} ms", reason, watched.Count, report.ElapsedMs);
        }

        return report;
    }

    /// <summary>
    /// Calls <see cref="ICameraGrain.EnsurePolling"/> on each camera, noting where each answered from; returns those
    /// that failed.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> EnsurePollingAsync(IReadOnlyList<Guid> cameras, Dictionary<Guid, CameraPlacement> placements)
    {
        var answers = await CallEachAsync(cameras, id => GrainFactory.GetGrain<ICameraGrain>(id).EnsurePolling());
        foreach (var (id, placement) in answers)
        {
            if (placement is not null)
            {
                placements[id] = placement;
            }
        }

        return answers.Where(a => a.Answer is null).Select(a => a.Item).ToList();
    }

    /// <summary>Moves cameras off crowded silos (<see cref="CameraBalance"/>); a move that fails is planned again next pass.</summary>
    private async Task<int> BalanceAsync(IReadOnlyDictionary<Guid, CameraPlacement> placements)
    {
        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress)
            .OrderBy(s => s.ToString(), StringComparer.Ordinal)
            .ToList();
        var locations = placements.Select(p => new CameraLocation<SiloAddress>(p.Key, p.Value.Silo, p.Value.OpenEpisodes > 0)).ToList();
        var moves = CameraBalance.Plan(locations, active, _options.RebalanceMovesPerPass, resume: _balancing);
        _balancing = moves.Count > 0;
        if (moves.Count == 0)
        {
            return 0;
        }

        var answers = await CallEachAsync(moves, async move =>
        {
            await GrainFactory.GetGrain<ICameraGrain>(move.Camera).MoveTo(move.To);
            return move;
        });
        var done = answers.Count(a => a.Answer is not null);

        logger.LogInformation("Camera watchdog moved {Moved} of {Planned} planned cameras to even out {Silos} silos ({Placement})",
            done, moves.Count, active.Count, string.Join(", ", moves.GroupBy(m => m.To).Select(g => $"{g.Count()} to {g.Key}")));
        return done;
    }

    /// <summary>
    /// Calls each item in batches of <see cref="SweepParallelism"/>; a call that fails, or does not answer within the
    /// watchdog period (a silo not yet declared dead must not stall the pass for the response timeout), answers null.
    /// </summary>
    private async Task<IReadOnlyList<(TItem Item, TAnswer? Answer)>> CallEachAsync<TItem, TAnswer>(
        IReadOnlyList<TItem> items, Func<TItem, Task<TAnswer>> call)
        where TAnswer : class
    {
        var answers = new List<(TItem, TAnswer?)>(items.Count);
        foreach (var batch in items.Chunk(SweepParallelism))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(async item =>
            {
                try
                {
                    return (item, (TAnswer?)await call(item).WaitAsync(_options.WatchdogPeriod));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return (item, null);
                }
            })));
        }

        return answers;
    }
}
