namespace VibeCheck.Warehouse.BigQuery;

/// <summary>
/// A BigQuery ML ARIMA_PLUS model forecasting hourly detections per camera from <c>camera_activity</c>.
/// Every name is validated before it reaches SQL.
/// </summary>
/// <param name="ProjectId">Project of the dataset.</param>
/// <param name="Dataset">Dataset holding <c>camera_activity</c> and the model.</param>
/// <param name="ModelName">Model name.</param>
/// <param name="Horizon">Points to forecast (hours), 1..10000.</param>
/// <param name="TrainingDays">Days of history to train on, 1..3650.</param>
/// <param name="TimestampColumn">Name of the time column produced by the training query.</param>
/// <param name="DataColumn">Name of the value column produced by the training query.</param>
/// <param name="IdColumn">Series id column (one series per camera).</param>
/// <param name="HolidayRegion">Optional holiday region, e.g. <c>US</c>.</param>
public sealed record ArimaPlusModelSpec(
    string ProjectId,
    string Dataset,
    string ModelName,
    int Horizon = 24,
    int TrainingDays = 28,
    string TimestampColumn = "bucket_hour",
    string DataColumn = "detections",
    string IdColumn = "camera_id",
    string? HolidayRegion = null);
