using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace VibeCheck.Grains.Processing;

/// <summary>
/// Keeps the entries a live consumer has read, and not yet acknowledged, from looking abandoned. Redis counts an
/// entry idle from its delivery, not from its last sign of life, so without this an entry waiting in a read batch,
/// or a grain call slower than <see cref="ProcessingStreamOptions.ClaimIdleAfter"/>, was claimed by another silo while
/// its consumer still worked on it: done twice, and after enough such claims dead-lettered as if its silo had died.
/// Every third of that period it resets the idle time of each entry still held (<c>XCLAIM</c> with <c>JUSTID</c>,
/// which does not count a delivery), but only of entries the consumer still owns; an entry another consumer claimed
/// meanwhile is reported lost and is not started here. A consumer that dies stops renewing, so its entries go idle
/// and are claimed as before. The Redis counterpart of Pub/Sub's <c>modifyAckDeadline</c>.
/// </summary>
public sealed class PendingEntryLease : IAsyncDisposable
{
    // Atomic per call: an entry is renewed only while this consumer owns it. KEYS[1] stream; ARGV group, consumer, ids.
    private const string RenewScript = """
        local lost = {}
        for i = 3, #ARGV do
          local owned = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2])
          if #owned > 0 then
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
          else
            table.insert(lost, ARGV[i])
          end
        end
        return lost
        """;

    private readonly ConcurrentDictionary<string, byte> _held;
    private readonly ConcurrentDictionary<string, byte> _lost = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _renewing;

    private PendingEntryLease(IDatabase db, ProcessingStreamOptions options, string consumer, IEnumerable<RedisValue> ids, ILogger logger, CancellationToken cancellationToken)
    {
        _held = new(ids.Select(id => KeyValuePair.Create(id.ToString(), (byte)0)));
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _renewing = RenewAsync(db, options, consumer, logger, _stop.Token);
    }

    /// <summary>Starts renewing <paramref name="ids"/>, entries just read or claimed by <paramref name="consumer"/>.</summary>
    public static PendingEntryLease Start(
        IDatabase db, ProcessingStreamOptions options, string consumer, IEnumerable<RedisValue> ids, ILogger logger, CancellationToken cancellationToken) =>
        new(db, options, consumer, ids, logger, cancellationToken);

    /// <summary>Whether the entry is still this consumer's: false once another consumer claimed it.</summary>
    public bool Holds(string id) => !_lost.ContainsKey(id);

    /// <summary>Stops renewing the entry: it was acknowledged, dead-lettered, or left to be claimed again after a failure.</summary>
    public void Release(string id) => _held.TryRemove(id, out _);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }

    private async Task RenewAsync(IDatabase db, ProcessingStreamOptions options, string consumer, ILogger logger, CancellationToken stop)
    {
        var period = options.ClaimIdleAfter / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, stop);
                var ids = _held.Keys.ToArray();
                if (ids.Length == 0)
                {
                    continue;
                }

                try
                {
                    var lost = (RedisValue[]?)await db.ScriptEvaluateAsync(
                        RenewScript, [options.StreamName], [options.ConsumerGroup, consumer, .. ids.Select(id => (RedisValue)id)]);
                    foreach (var id in lost ?? [])
                    {
                        _lost[id.ToString()] = 0;
                        _held.TryRemove(id.ToString(), out _);
                    }
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // The next period tries again; should the entries be claimed meanwhile, the done marks keep work
                    // finished here from being done again.
                    logger.LogWarning(ex, "Could not renew {Count} processing requests held by {Consumer}", ids.Length, consumer);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The batch is through, or the silo is stopping.
        }
    }
}
