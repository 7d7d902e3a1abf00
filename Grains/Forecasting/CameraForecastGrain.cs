using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Forecasting;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Caching;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Grains.Forecasting;

/// <summary>
/// One camera's activity series (vehicles + persons per 5-minute bucket, at most <see cref="ForecastingOptions.HistoryLength"/>)
/// and its forecasts. A grain timer refits when new buckets arrived, its first tick spread over the refit period so
/// that the city's cameras do not refit in the same second; each fit is kept in state and written to
/// <c>prediction:camera:{id}:horizon:{minutes}</c> for outside readers.
/// </summary>
public sealed class CameraForecastGrain(
    [PersistentState("forecast", StorageNames.Forecasts)] IPersistentState<ActivitySeriesState> state,
    IPublicReadModel readModel,
    IOptions<ForecastingOptions> options,
    AlertRouters alertRouters,
    TimeProvider clock,
    ILogger<CameraForecastGrain> logger) : Grain, ICameraForecastGrain
{
    private readonly ForecastingOptions _options = options.Value;
    private readonly IReadOnlyList<int> _horizons = options.Value.HorizonMinutes();
    private IGrainTimer? _refitTimer;

    private Guid CameraId => this.GetPrimaryKey();

    private long BucketMinutes => (long)_options.BucketLength.TotalMinutes;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = _options.RefitPeriod;
        var due = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * _options.RefitJitter * period.TotalMilliseconds);
        _refitTimer = this.RegisterGrainTimer(
            async _ => await RefitIfNewBucketsAsync(),
            new GrainTimerCreationOptions(due, period) { KeepAlive = true, Interleave = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _refitTimer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task RecordActivity(ActivityBucketReport bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (bucket.CameraId != CameraId)
        {
            throw new ArgumentException($"Bucket of camera {bucket.CameraId} sent to the forecast grain of camera {CameraId}.", nameof(bucket));
        }

        if (bucket.BucketLength != _options.BucketLength)
        {
            throw new ArgumentException($"Bucket length {bucket.BucketLength} differs from the series' {_options.BucketLength}.", nameof(bucket));
        }

        if (bucket.BucketStart > clock.GetUtcNow() + _options.BucketLength)
        {
            throw new ArgumentException($"Bucket start {bucket.BucketStart:O} lies in the future.", nameof(bucket));
        }

        var s = state.State;
        long minute = ActivitySeries.ToMinute(bucket.BucketStart);
        long newest = s.BucketMinutes.Length == 0 ? minute : Math.Max(minute, s.BucketMinutes[^1]);
        long keepFrom = newest - (long)_options.HistoryLength.TotalMinutes + BucketMinutes;
        if (!ActivitySeries.Upsert(s, bucket, keepFrom))
        {
            return;
        }

        s.BucketsSinceFit++;
        await state.WriteStateAsync();
    }

    public async Task<IReadOnlyList<CameraPrediction>> GetPredictions(IReadOnlyList<int> horizonsMinutes)
    {
        var s = state.State;
        if (s.BucketsSinceFit > 0 && s.Forecast is not { Ok: true })
        {
            // Nothing usable yet: fit now rather than answer from an older, shorter history.
            await FitAsync();
        }

        return horizonsMinutes.Select(Prediction).ToArray();
    }

    public Task<ActivityAnomalyReport> GetAnomalies(double probability)
    {
        var s = state.State;
        var report = TimeSeriesForecaster.DetectAnomalies(ActivitySeries.Activity(s), ForecasterOptions(1), probability);
        var anomalies = report.Anomalies.Select(a => new ActivityAnomaly(a.Timestamp, a.Value, a.Expected, a.Lower, a.Upper)).ToArray();
        return Task.FromResult(new ActivityAnomalyReport(
            CameraId, StatusOf(report.Status), report.Message, report.Probability, s.BucketMinutes.Length, anomalies));
    }

    public Task<ActivityHistoryReport> GetActivity(DateTimeOffset since)
    {
        // Buckets starting at or after since: the minute is rounded up, or a bucket starting in since's minute but
        // before it would be answered beyond the asked span.
        var minute = ActivitySeries.ToMinute(since);
        if (ActivitySeries.FromMinute(minute) < since)
        {
            minute++;
        }

        return Task.FromResult(new ActivityHistoryReport(CameraId, _options.BucketLength, ActivitySeries.Since(state.State, minute)));
    }

    public Task<ActivitySeriesSummary> GetSeriesSummary()
    {
        var s = state.State;
        var total = s.Vehicles.Sum(v => (long)v) + s.Persons.Sum(p => (long)p);
        return Task.FromResult(new ActivitySeriesSummary(
            CameraId,
            s.BucketMinutes.Length,
            s.BucketMinutes.Length == 0 ? null : ActivitySeries.FromMinute(s.BucketMinutes[0]),
            s.BucketMinutes.Length == 0 ? null : ActivitySeries.FromMinute(s.BucketMinutes[^1]),
            total));
    }

    public async Task Refit()
    {
        await FitAsync();
        await ReportUnusualActivityAsync();
    }

    private async Task RefitIfNewBucketsAsync()
    {
        if (state.State.BucketsSinceFit > 0)
        {
            await FitAsync();
            await ReportUnusualActivityAsync();
        }
    }

    // "Unusual activity for this hour": the newest bucket outside the interval at AlertProbability raises the
    // camera's alert once; the first usual bucket after it resolves it.
    private async Task ReportUnusualActivityAsync()
    {
        var s = state.State;
        if (s.BucketMinutes.Length == 0)
        {
            return;
        }

        var latest = s.BucketMinutes[^1];
        var report = TimeSeriesForecaster.DetectAnomalies(ActivitySeries.Activity(s), ForecasterOptions(1), _options.AlertProbability);
        if (report.Status != ForecastStatus.Ok)
        {
            return;
        }

        var anomaly = report.Anomalies.FirstOrDefault(a => ActivitySeries.ToMinute(a.Timestamp) == latest);
        var firing = anomaly is not null;
        if (firing ? s.LastAlertedBucketMinute == latest : s.LastAlertedBucketMinute is null)
        {
            return;
        }

        var update = anomaly is null
            ? new UnusualActivityReport(CameraId, false, ActivitySeries.FromMinute(latest), 0, 0, 0, 0)
            : new UnusualActivityReport(CameraId, true, anomaly.Timestamp, anomaly.Value, anomaly.Expected, anomaly.Lower, anomaly.Upper);
        try
        {
            await alertRouters.ForCamera(CameraId).ReportUnusualActivity(update);
            s.LastAlertedBucketMinute = firing ? latest : null;
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not marked as reported, so the next refit tries again.
            logger.LogWarning(ex, "Reporting unusual activity of camera {CameraId} failed; retried on the next refit", CameraId);
        }
    }

    private async Task FitAsync()
    {
        var s = state.State;
        var longest = _horizons[^1];
        var result = TimeSeriesForecaster.Forecast(ActivitySeries.Activity(s), ForecasterOptions((int)(longest / BucketMinutes)));
        var fit = new CachedForecast
        {
            FittedAt = clock.GetUtcNow(),
            Ok = result.Status == ForecastStatus.Ok,
            Message = result.Message,
            Model = result.Model,
            Level = result.Level,
            HistoryBuckets = s.BucketMinutes.Length,
            LastBucketMinute = s.BucketMinutes.Length == 0 ? null : s.BucketMinutes[^1],
            FirstPointMinute = result.Points.Count == 0 ? 0 : ActivitySeries.ToMinute(result.Points[0].Timestamp),
            Values = result.Points.Select(p => p.Value).ToArray(),
            Lower = result.Points.Select(p => p.Lower).ToArray(),
            Upper = result.Points.Select(p => p.Upper).ToArray(),
        };
        s.Forecast = fit;
        s.BucketsSinceFit = 0;
        await state.WriteStateAsync();

        if (!fit.Ok)
        {
            return;
        }

        foreach (var horizon in _horizons)
        {
            var prediction = Prediction(horizon);
            await readModel.SetJsonAsync(CacheKeys.Prediction(CameraId, horizon), PredictionDocument.From(prediction), CacheKeys.PredictionTtl);
        }

        logger.LogDebug("Camera {CameraId} refit with {Model} on {Buckets} buckets", CameraId, fit.Model, fit.HistoryBuckets);
    }

    private CameraPrediction Prediction(int horizon)
    {
        var s = state.State;
        if (!_horizons.Contains(horizon))
        {
            return new CameraPrediction(CameraId, horizon, PredictionStatus.HorizonNotConfigured,
                $"Horizon {horizon} min is not forecast; configured horizons: {string.Join(", ", _horizons)} min.",
                "none", 0, null, null, s.BucketMinutes.Length, [], _horizons);
        }

        var fit = s.Forecast;
        if (fit is null)
        {
            return new CameraPrediction(CameraId, horizon, PredictionStatus.InsufficientHistory,
                "No activity has been recorded for this camera yet.", "none", 0, null, null, 0, [], _horizons);
        }

        var lastBucket = fit.LastBucketMinute is { } m ? ActivitySeries.FromMinute(m) : (DateTimeOffset?)null;
        if (!fit.Ok)
        {
            return new CameraPrediction(CameraId, horizon, PredictionStatus.InsufficientHistory, fit.Message,
                fit.Model, fit.Level, fit.FittedAt, lastBucket, fit.HistoryBuckets, [], _horizons);
        }

        int steps = (int)Math.Min(horizon / BucketMinutes, fit.Values.Length);
        var points = new PredictionPoint[steps];
        for (int k = 0; k < steps; k++)
        {
            points[k] = new PredictionPoint(ActivitySeries.FromMinute(fit.FirstPointMinute + k * BucketMinutes), fit.Values[k], fit.Lower[k], fit.Upper[k]);
        }

        return new CameraPrediction(CameraId, horizon, PredictionStatus.Ok, null, fit.Model, fit.Level, fit.FittedAt,
            lastBucket, fit.HistoryBuckets, points, _horizons);
    }

    private ForecastOptions ForecasterOptions(int horizonSteps) => new()
    {
        Step = _options.BucketLength,
        Horizon = Math.Max(1, horizonSteps),
        MaximumHistory = _options.HistoryLength,
    };

    private static PredictionStatus StatusOf(ForecastStatus status) =>
        status == ForecastStatus.Ok ? PredictionStatus.Ok : PredictionStatus.InsufficientHistory;
}
