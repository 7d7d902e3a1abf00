using Microsoft.Extensions.Options;
using Orleans.Streams;
using VibeCheck.Grains.Interfaces.Live;

namespace VibeCheck.Gateway.Live;

/// <summary>
/// Subscribes this gateway to every camera-event stream and hands the events to <see cref="LiveEventHub"/>. It
/// checks its subscriptions periodically and subscribes again when they are gone (the pub/sub store is in Redis and
/// outlives silos, but may have been wiped), and removes them when the gateway stops.
/// </summary>
public sealed partial class CameraEventsSubscriber(
    IClusterClient cluster,
    LiveEventHub hub,
    IOptions<LiveUpdateOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<CameraEventsSubscriber> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly List<StreamSubscriptionHandle<CameraEvent>> _handles = [];

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

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureSubscribedAsync();
                await Task.Delay(options.Value.SubscriptionCheckInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSubscribeFailed(ex);
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var handle in _handles)
        {
            try
            {
                await handle.UnsubscribeAsync();
            }
            catch (Exception ex)
            {
                // The cluster may already be gone; its pub/sub store then forgets us on its own.
                LogUnsubscribeFailed(ex);
            }
        }

        _handles.Clear();
    }

    private async Task EnsureSubscribedAsync()
    {
        var provider = cluster.GetStreamProvider(LiveStreams.Provider);
        for (var shard = 0; shard < LiveStreams.CameraEventShards; shard++)
        {
            var stream = provider.GetStream<CameraEvent>(StreamId.Create(LiveStreams.CameraEventsNamespace, LiveStreams.ShardKey(shard)));
            var existing = await stream.GetAllSubscriptionHandles();
            if (existing.Count > 0)
            {
                continue;
            }

            var handle = await stream.SubscribeAsync(OnEventAsync);
            _handles.RemoveAll(h => h.StreamId == handle.StreamId);
            _handles.Add(handle);
            LogSubscribed(LiveStreams.ShardKey(shard));
        }
    }

    private Task OnEventAsync(CameraEvent cameraEvent, StreamSequenceToken? token)
    {
        hub.Publish(LiveMessage.From(cameraEvent));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to camera events {Shard}")]
    private partial void LogSubscribed(string shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to camera events failed; retrying")]
    private partial void LogSubscribeFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing from camera events failed")]
    private partial void LogUnsubscribeFailed(Exception ex);
}
