using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Cameras;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>Activity forecasts and anomalies per camera, and forecasts of many cameras in one call.</summary>
public static class PredictionEndpoints
{
    /// <summary>Most cameras one bulk request may name.</summary>
    public const int MaxBulkCameras = 1000;

    /// <summary>Most horizons one bulk request may name.</summary>
    public const int MaxBulkHorizons = 16;

    private const int DefaultHorizon = 60;
    private const int MaxHorizon = 7 * 24 * 60;
    private const double DefaultProbability = 0.95;

    public static IEndpointRouteBuilder MapPredictionEndpoints(this IEndpointRouteBuilder app)
    {
        var reads = app.MapCameraGroup().WithTags("Predictions")
            .ForReaders();
        reads.MapGet("/predictions", GetPredictionAsync)
            .WithName("GetCameraPrediction")
            .WithSummary("Activity (vehicles + persons per 5-minute bucket) forecast up to ?horizon= minutes (default 60) with 95% intervals, or status insufficient_history.");
        reads.MapGet("/anomalies", GetAnomaliesAsync)
            .WithName("GetCameraAnomalies")
            .WithSummary("Buckets of the stored history whose activity lies outside the interval at ?probability= (default 0.95).");

        app.MapPost("/predictions/bulk", BulkAsync)
            .WithTags("Predictions")
            .WithName("BulkPredictions")
            .WithSummary($"Forecasts of up to {MaxBulkCameras} cameras at once, answered in parallel, with an error entry per camera that has none.")
            .ForWriters();
        return app;
    }

    private static async Task<Results<Ok<PredictionResponse>, ProblemHttpResult>> GetPredictionAsync(
        KnownCamera camera, IClusterClient cluster, string? horizon = null)
    {
        if (!QueryNumbers.TryParse(horizon, DefaultHorizon, MaxHorizon, out var minutes))
        {
            return Problems.BadQuery($"horizon must be a whole number of minutes between 1 and {MaxHorizon}.");
        }

        var prediction = (await cluster.GetGrain<ICameraForecastGrain>(camera.Id).GetPredictions([minutes]))[0];
        return prediction.Status == PredictionStatus.HorizonNotConfigured
            ? Problems.BadQuery(prediction.Message ?? $"horizon {minutes} is not forecast.")
            : TypedResults.Ok(PredictionResponse.From(prediction));
    }

    private static async Task<Results<Ok<AnomalyResponse>, ProblemHttpResult>> GetAnomaliesAsync(
        KnownCamera camera, IClusterClient cluster, string? probability = null)
    {
        var p = DefaultProbability;
        if (probability is not null && !(double.TryParse(probability, NumberStyles.Float, CultureInfo.InvariantCulture, out p) && p is > 0.5 and < 1))
        {
            return Problems.BadQuery("probability must be a number between 0.5 and 1 (exclusive), e.g. 0.95.");
        }

        var report = await cluster.GetGrain<ICameraForecastGrain>(camera.Id).GetAnomalies(p);
        return TypedResults.Ok(AnomalyResponse.From(report));
    }

    private static async Task<Results<Ok<PredictionBulkResponse>, ProblemHttpResult>> BulkAsync(
        HttpRequest request, IClusterClient cluster, RegistryIndex registry, ILoggerFactory loggers)
    {
        PredictionBulkRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<PredictionBulkRequest>(request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return BadBody($"The body is not valid JSON of the form {{\"cameraIds\": [...], \"horizons\": [15, 60]}}: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            return BadBody("The body must be JSON (Content-Type: application/json).");
        }

        if (body?.CameraIds is not { Count: > 0 } ids)
        {
            return BadBody("cameraIds must list at least one camera id.");
        }

        if (ids.Count > MaxBulkCameras)
        {
            return TypedResults.Problem(
                title: "Too many cameras",
                detail: $"A bulk request may name at most {MaxBulkCameras} cameras; this one names {ids.Count}. Split it into several requests.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (body.Horizons is not { Count: > 0 and <= MaxBulkHorizons } horizons || horizons.Any(h => h is <= 0 or > MaxHorizon))
        {
            return BadBody($"horizons must list 1 to {MaxBulkHorizons} whole numbers of minutes between 1 and {MaxHorizon}.");
        }

        var distinct = horizons.Distinct().ToArray();
        var logger = loggers.CreateLogger(typeof(PredictionEndpoints));
        var items = await Task.WhenAll(ids.Select(id => AnswerOneAsync(id, distinct, cluster, registry, logger)));

        var unconfigured = items.SelectMany(i => i.Predictions ?? []).FirstOrDefault(p => p.Status == PredictionStatusNames.Of(PredictionStatus.HorizonNotConfigured));
        if (unconfigured is not null)
        {
            return BadBody(unconfigured.Message ?? $"horizon {unconfigured.HorizonMinutes} is not forecast.");
        }

        var failed = items.Count(i => i.Error is not null);
        return TypedResults.Ok(new PredictionBulkResponse(items.Length, items.Length - failed, failed, items));
    }

    private static async Task<PredictionBulkItem> AnswerOneAsync(
        string? id, IReadOnlyList<int> horizons, IClusterClient cluster, RegistryIndex registry, ILogger logger)
    {
        if (!CameraIds.TryParse(id, out var cameraId))
        {
            return Failure(id, StatusCodes.Status400BadRequest, "Invalid camera id", $"'{Truncate(id)}' is not a UUID.");
        }

        try
        {
            if (!await registry.ContainsAsync(cameraId))
            {
                return Failure(id, StatusCodes.Status404NotFound, "Unknown camera", $"Camera {cameraId} is not in the NYC DOT registry.");
            }

            var predictions = await cluster.GetGrain<ICameraForecastGrain>(cameraId).GetPredictions(horizons);
            return new PredictionBulkItem(id, predictions.Select(PredictionResponse.From).ToArray(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Bulk prediction of camera {CameraId} failed", cameraId);
            return Failure(id, StatusCodes.Status503ServiceUnavailable, "Prediction unavailable", $"Camera {cameraId} could not be answered: {ex.GetType().Name}.");
        }
    }

    private static PredictionBulkItem Failure(string? id, int status, string title, string detail) =>
        new(id is null ? null : Truncate(id), null, new PredictionBulkError(status, title, detail));

    private static ProblemHttpResult BadBody(string detail) => TypedResults.Problem(
        title: "Invalid request body", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    // Echoing a megabyte of attacker input back would make the error the attack.
    private static string Truncate(string? value) => value is null ? "null" : value.Length <= 64 ? value : value[..64] + "…";
}
