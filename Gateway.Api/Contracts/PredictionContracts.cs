using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Gateway.Contracts;

/// <summary>Wire names of <see cref="PredictionStatus"/>.</summary>
public static class PredictionStatusNames
{
    public static string Of(PredictionStatus status) => status switch
    {
        PredictionStatus.Ok => "ok",
        PredictionStatus.InsufficientHistory => "insufficient_history",
        _ => "horizon_not_configured",
    };
}

/// <summary>
/// <c>GET /cameras/{id}/predictions</c>: activity (vehicles + persons per 5-minute bucket) forecast after the last
/// bucket, one point per bucket up to the horizon, with the interval at <see cref="Level"/>. With status
/// <c>insufficient_history</c> there are no points and the message says what is missing.
/// </summary>
public sealed record PredictionResponse(
    Guid CameraId,
    int HorizonMinutes,
    string Status,
    string? Message,
    string Model,
    double Level,
    DateTimeOffset? FittedAt,
    DateTimeOffset? LastBucketStart,
    int HistoryBuckets,
    PredictionPoint? Forecast,
    IReadOnlyList<PredictionPoint> Points)
{
    public static PredictionResponse From(CameraPrediction p) => new(
        p.CameraId, p.HorizonMinutes, PredictionStatusNames.Of(p.Status), p.Message, p.Model, p.Level, p.FittedAt,
        p.LastBucketStart, p.HistoryBuckets, p.Points.Count == 0 ? null : p.Points[^1], p.Points);
}

/// <summary><c>GET /cameras/{id}/anomalies</c>: buckets of the stored history outside the interval at the probability.</summary>
public sealed record AnomalyResponse(
    Guid CameraId,
    string Status,
    string? Message,
    double Probability,
    int HistoryBuckets,
    int Count,
    IReadOnlyList<ActivityAnomaly> Anomalies)
{
    public static AnomalyResponse From(ActivityAnomalyReport r) => new(
        r.CameraId, PredictionStatusNames.Of(r.Status), r.Message, r.Probability, r.HistoryBuckets, r.Anomalies.Count, r.Anomalies);
}

/// <summary><c>POST /predictions/bulk</c> body: camera ids as text (a malformed one is that camera's error) and horizons in minutes.</summary>
public sealed record PredictionBulkRequest(IReadOnlyList<string?>? CameraIds, IReadOnlyList<int>? Horizons);

/// <summary>Why one camera of a bulk request has no predictions; <see cref="Status"/> is the HTTP status a single request would get.</summary>
public sealed record PredictionBulkError(int Status, string Title, string Detail);

/// <summary>One camera's answer in a bulk request: its predictions, or its error.</summary>
public sealed record PredictionBulkItem(string? CameraId, IReadOnlyList<PredictionResponse>? Predictions, PredictionBulkError? Error);

/// <summary><c>POST /predictions/bulk</c>: one item per requested camera, in request order.</summary>
public sealed record PredictionBulkResponse(int Requested, int Succeeded, int Failed, IReadOnlyList<PredictionBulkItem> Results);
