using StackExchange.Redis;

namespace VibeCheck.Grains.Processing;

/// <summary>
/// What the cluster remembers about processing requests, on its Redis, under one key prefix per source: the ids of
/// requests done (so a redelivery after a lost acknowledgement is not done twice), the last error of each request
/// still failing, and deliveries counted where the source does not count them.
/// </summary>
public sealed class ProcessingLedger(IConnectionMultiplexer redis, string prefix, TimeSpan rememberDoneFor)
{
    private IDatabase Db => redis.GetDatabase();

    private string ErrorsKey => prefix + ":errors";

    private string DeliveriesKey => prefix + ":deliveries";

    /// <summary>Whether the request with this id was done before.</summary>
    public Task<bool> IsDoneAsync(string id) => Db.KeyExistsAsync(DoneKey(id));

    /// <summary>Remembers the request as done, before it is acknowledged.</summary>
    public Task MarkDoneAsync(string id) => Db.StringSetAsync(DoneKey(id), 1, rememberDoneFor);

    /// <summary>Forgets the request's last error and delivery count (it was done or dead-lettered).</summary>
    public async Task ForgetAsync(string id)
    {
        await Db.HashDeleteAsync(ErrorsKey, id);
        await Db.HashDeleteAsync(DeliveriesKey, id);
    }

    /// <summary>Keeps the error of the request's latest failed attempt, for its dead letter.</summary>
    public Task RecordErrorAsync(string id, string error) => Db.HashSetAsync(ErrorsKey, id, error);

    /// <summary>The error of the request's latest failed attempt, or null when none came back (its silo stopped).</summary>
    public async Task<string?> LastErrorAsync(string id)
    {
        var error = await Db.HashGetAsync(ErrorsKey, id);
        return error.IsNull ? null : error.ToString();
    }

    /// <summary>Counts one more delivery of the request; returns the deliveries so far, this one included.</summary>
    public async Task<int> CountDeliveryAsync(string id) => (int)await Db.HashIncrementAsync(DeliveriesKey, id);

    private string DoneKey(string id) => $"{prefix}:done:{id}";
}
