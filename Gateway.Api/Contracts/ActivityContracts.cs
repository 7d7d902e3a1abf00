using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Gateway.Contracts;

/// <summary>One bucket of <c>GET /cameras/{id}/activity</c>; <see cref="Activity"/> (vehicles + persons) is what the forecasts predict.</summary>
public sealed record ActivityBucketResponse(DateTimeOffset Start, int Activity, int Vehicles, int Persons, int Violations);

/// <summary><c>GET /cameras/{id}/activity</c>: the stored buckets starting at or after <see cref="From"/>, oldest first.</summary>
public sealed record ActivityHistoryResponse(
    Guid CameraId,
    int Hours,
    int BucketMinutes,
    DateTimeOffset From,
    int Count,
    IReadOnlyList<ActivityBucketResponse> Buckets)
{
    public static ActivityHistoryResponse Of(ActivityHistoryReport r, int hours, DateTimeOffset from) => new(
        r.CameraId, hours, (int)r.BucketLength.TotalMinutes, from, r.Buckets.Count,
        r.Buckets.Select(b => new ActivityBucketResponse(b.Start, b.Vehicles + b.Persons, b.Vehicles, b.Persons, b.Violations)).ToList());
}
