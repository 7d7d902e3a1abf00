using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// The move to sharded routers. A front that still holds cameras' alerts from the single-router days hands them,
/// with their groups, to the shards now holding those cameras, before anything else reaches them: first the shards
/// take them in (a repeat changes nothing), then the front forgets them, so a crash in between only repeats the
/// hand-over. Reports about a camera that still reach the front (a silo of the previous version during a rolling
/// upgrade) are passed on to the camera's shard.
/// </summary>
public sealed partial class AlertGrain
{
    private static readonly TimeSpan HandoverRetry = TimeSpan.FromSeconds(5);
    private DateTimeOffset? _handoverRetryAt;

    public async Task Adopt(string handedStateJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(handedStateJson);
        var handed = JsonConvert.DeserializeObject<AlertingState>(handedStateJson)
            ?? throw new ArgumentException("no state in the hand-over", nameof(handedStateJson));
        await ChangeAsync((s, _) => RouterHandover.Adopt(s, handed));
    }

    /// <summary>The shard a report about <paramref name="camera"/> belongs to, when this is a sharded front; else null.</summary>
    private IAlertGrain? ShardHolding(Guid camera) => _shards.Count == 0 ? null : routers.ForCamera(camera);

    /// <summary>Front: hands the cameras' alerts it still holds to their shards; on failure keeps them and retries later.</summary>
    private async Task HandOverCameraAlertsAsync()
    {
        if (_shards.Count == 0)
        {
            return;
        }

        var (kept, moved) = RouterHandover.Split(state.State.Alerting, ShardKeyOf);
        if (moved.Count == 0)
        {
            _handoverRetryAt = null;
            return;
        }

        try
        {
            await Task.WhenAll(moved.Select(m => GrainFactory.GetGrain<IAlertGrain>(m.Key).Adopt(JsonConvert.SerializeObject(m.Value))));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _handoverRetryAt = clock.GetUtcNow() + HandoverRetry;
            logger.LogWarning(ex, "Handing {Alerts} camera alerts to their shards failed; retried in {Delay}", moved.Sum(m => m.Value.Alerts.Count), HandoverRetry);
            return;
        }

        logger.LogInformation("Handed {Alerts} camera alerts to {Shards} shards", moved.Sum(m => m.Value.Alerts.Count), moved.Count);
        state.State.Alerting = kept;
        await state.WriteStateAsync();
        _handoverRetryAt = null;
    }

    private string? ShardKeyOf(string camera) =>
        Guid.TryParse(camera, out var id) ? routers.ForCamera(id).GetPrimaryKeyString() : null;
}
