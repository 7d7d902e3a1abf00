using Microsoft.Extensions.Logging;
using Orleans.Streams;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Live;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// Live updates: health changes and poll outcomes go to the camera's <see cref="LiveStreams"/> stream, from which every
/// gateway forwards them to its web clients. Publishing never delays or fails a poll: it is fire-and-forget, and a
/// silo without the stream provider simply publishes nothing.
/// </summary>
public sealed partial class CameraGrain
{
    private IAsyncStream<CameraEvent>? _liveStream;
    private bool _liveUnavailable;

    private void PublishHealthChanged(CameraHealth previous, CameraHealth current) =>
        PublishLive(new CameraEvent(CameraId, CameraEventKind.HealthChanged, current, previous, state.State.Sight.LastFrameHash, null, clock.GetUtcNow()));

    private void PublishPolled(ProcessResult result) =>
        PublishLive(result.Outcome == ProcessOutcome.Processed
            ? new CameraEvent(CameraId, CameraEventKind.FrameProcessed, result.Health, null, result.FrameHash,
                result.Analysis?.Detections.Count, clock.GetUtcNow())
            : new CameraEvent(CameraId, CameraEventKind.FetchFailed, result.Health, null, result.FrameHash, null, clock.GetUtcNow()));

    private void PublishLive(CameraEvent cameraEvent)
    {
        var stream = LiveStream();
        if (stream is not null)
        {
            _ = SendLiveAsync(stream, cameraEvent);
        }
    }

    private IAsyncStream<CameraEvent>? LiveStream()
    {
        if (_liveStream is not null || _liveUnavailable)
        {
            return _liveStream;
        }

        try
        {
            _liveStream = this.GetStreamProvider(LiveStreams.Provider)
                .GetStream<CameraEvent>(StreamId.Create(LiveStreams.CameraEventsNamespace, LiveStreams.CameraEventsKey(CameraId)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException)
        {
            _liveUnavailable = true;
            logger.LogDebug("Stream provider {Provider} is not registered; camera {CameraId} publishes no live updates", LiveStreams.Provider, CameraId);
        }

        return _liveStream;
    }

    private async Task SendLiveAsync(IAsyncStream<CameraEvent> stream, CameraEvent cameraEvent)
    {
        try
        {
            await stream.OnNextAsync(cameraEvent);
        }
        catch (Exception ex)
        {
            // A lost live update only delays the page until the next one; the poll itself has succeeded.
            logger.LogDebug(ex, "Live update {Kind} of camera {CameraId} was not published", cameraEvent.Kind, CameraId);
        }
    }
}
