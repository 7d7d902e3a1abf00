using VibeCheck.Gateway.Http.Csv;

namespace VibeCheck.Gateway.Contracts;

/// <summary>
/// <c>GET /analytics/cameras</c> answer: episodes started in [from, to) per camera, largest first, each with its count
/// by type (largest first). <c>total</c> counts every episode of the range, also when <c>limit</c> kept fewer cameras.
/// As CSV: one row per camera and type.
/// </summary>
public sealed record CameraViolationsResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    long Total,
    IReadOnlyList<CameraViolations> Cameras) : ICsvTable
{
    IReadOnlyList<string> ICsvTable.CsvHeader() => ["camera", "type", "violations", "averageConfidence"];

    IEnumerable<IReadOnlyList<object?>> ICsvTable.CsvRows() =>
        Cameras.SelectMany(c => c.ByType.Select(t => t.CsvRow(c.Camera)));
}

/// <summary>One camera's violations in the range: the count, the mean confidence and the count of each type.</summary>
public sealed record CameraViolations(string Camera, long Violations, double AverageConfidence, IReadOnlyList<ViolationSummaryItem> ByType);
