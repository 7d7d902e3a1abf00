namespace VibeCheck.Grains.Interfaces.Forecasting;

/// <summary>Whether a camera has a forecast for a horizon.</summary>
[GenerateSerializer, Alias("vibecheck.prediction-status")]
public enum PredictionStatus
{
    /// <summary>Points hold the forecast.</summary>
    Ok,

    /// <summary>Too little or too sparse history: nothing was guessed; the message says what is missing.</summary>
    InsufficientHistory,

    /// <summary>The cluster does not forecast this horizon; the configured ones are listed.</summary>
    HorizonNotConfigured,
}

/// <summary>Activity (vehicles + persons per 5-minute bucket) expected at one time, with its prediction interval.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.prediction-point")]
public sealed record PredictionPoint(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double Value,
    [property: Id(2)] double Lower,
    [property: Id(3)] double Upper);

/// <summary>
/// A camera's activity forecast up to <see cref="HorizonMinutes"/> after its last bucket: one point per bucket, the
/// last one at the horizon.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-prediction")]
public sealed record CameraPrediction(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] int HorizonMinutes,
    [property: Id(2)] PredictionStatus Status,
    [property: Id(3)] string? Message,
    [property: Id(4)] string Model,
    [property: Id(5)] double Level,
    [property: Id(6)] DateTimeOffset? FittedAt,
    [property: Id(7)] DateTimeOffset? LastBucketStart,
    [property: Id(8)] int HistoryBuckets,
    [property: Id(9)] IReadOnlyList<PredictionPoint> Points,
    [property: Id(10)] IReadOnlyList<int> ConfiguredHorizons);
