using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Grains.Forecasting;

/// <summary>What <c>prediction:camera:{id}:horizon:{minutes}</c> holds (camelCase JSON), for readers outside the cluster.</summary>
public sealed record PredictionDocument(
    Guid CameraId,
    int HorizonMinutes,
    string Status,
    string Model,
    double Level,
    DateTimeOffset? FittedAt,
    DateTimeOffset? LastBucketStart,
    int HistoryBuckets,
    IReadOnlyList<PredictionPoint> Points)
{
    public static PredictionDocument From(CameraPrediction p) =>
        new(p.CameraId, p.HorizonMinutes, p.Status == PredictionStatus.Ok ? "ok" : "insufficient_history", p.Model, p.Level,
            p.FittedAt, p.LastBucketStart, p.HistoryBuckets, p.Points);
}
