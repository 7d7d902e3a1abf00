using Microsoft.Extensions.Options;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>The alert routers of this cluster (<c>Alerts:Notify:Shards</c>), for the grains that report to them.</summary>
public sealed class AlertRouters(IGrainFactory grains, IOptions<AlertsOptions> options)
{
    private readonly int _shards = options.Value.Notify.EffectiveShards;

    /// <summary>The front: system alerts, silences, and the API's view of every router.</summary>
    public IAlertGrain Front => grains.GetGrain<IAlertGrain>(IAlertGrain.Key);

    /// <summary>The router holding a camera's alerts.</summary>
    public IAlertGrain ForCamera(Guid camera) => grains.GetGrain<IAlertGrain>(AlertRouterKeys.ForCamera(camera, _shards));

    /// <summary>Every shard; empty when the front holds everything.</summary>
    public IReadOnlyList<IAlertGrain> Shards() => [.. AlertRouterKeys.Shards(_shards).Select(key => grains.GetGrain<IAlertGrain>(key))];
}
