using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces.Analytics;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>
/// Analytics: read-only SQL against the warehouse (admin key) and ready-made violation summaries (reads). Both go to the
/// cluster's <see cref="IWarehouseGrain"/>, so the gateway needs no warehouse settings and sees every silo's rows.
/// </summary>
public static class AnalyticsEndpoints
{
    /// <summary>Longest span a summary may cover.</summary>
    public static readonly TimeSpan MaxSummarySpan = TimeSpan.FromDays(366);

    /// <summary>Default span when <c>from</c> is not given.</summary>
    public static readonly TimeSpan DefaultSummarySpan = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/analytics").WithTags("Analytics");
        analytics.MapPost("/query", QueryAsync)
            .WithName("AnalyticsQuery")
            .WithSummary("Runs one read-only SELECT against the warehouse (row and time limits; no file or network access) and answers {columns, rows}.")
            .ForAdmins();
        analytics.MapGet("/violations", SummarizeViolationsAsync)
            .WithName("AnalyticsViolations")
            .WithSummary("Violation episodes started in [from, to) (ISO 8601; default the last day) grouped by camera, type, hour or borough.")
            .ForReaders();
        return app;
    }

    private static async Task<Results<Ok<AnalyticsQueryResponse>, ProblemHttpResult>> QueryAsync(
        AnalyticsQueryRequest? request, IClusterClient cluster)
    {
        if (string.IsNullOrWhiteSpace(request?.Sql))
        {
            return Rejected("The body must be {\"sql\": \"SELECT ...\"} with a non-empty sql.");
        }

        AnalyticsQueryOutcome outcome;
        try
        {
            outcome = await cluster.GetGrain<IWarehouseGrain>(IWarehouseGrain.Key).Query(request.Sql);
        }
        catch (TimeoutException)
        {
            outcome = AnalyticsQueryOutcome.Failed(AnalyticsQueryStatus.TimedOut, "The warehouse did not answer in time.");
        }
        catch (IOException ex)
        {
            // The warehouse's storage cannot be opened (disk full, path unusable): the query is fine, the service is not.
            return Unavailable(ex.Message);
        }

        switch (outcome.Status)
        {
            case AnalyticsQueryStatus.Rejected:
                return Rejected(outcome.Reason ?? "The query was refused.");
            case AnalyticsQueryStatus.TimedOut:
                return TypedResults.Problem(title: "Query timed out", detail: outcome.Reason, statusCode: StatusCodes.Status504GatewayTimeout);
        }

        using var rows = JsonDocument.Parse(outcome.RowsJson);
        return TypedResults.Ok(new AnalyticsQueryResponse(
            outcome.Columns, outcome.ColumnTypes, rows.RootElement.Clone(), rows.RootElement.GetArrayLength(), outcome.Truncated));
    }

    private static async Task<Results<Ok<ViolationSummaryResponse>, ProblemHttpResult>> SummarizeViolationsAsync(
        IClusterClient cluster, TimeProvider clock, string? from = null, string? to = null, string? groupBy = null)
    {
        if (!TryParseGrouping(groupBy, out var grouping))
        {
            return Problems.BadQuery("groupBy must be one of camera, type, hour, borough.");
        }

        if (!TryParseTime(to, clock.GetUtcNow(), out var end))
        {
            return Problems.BadQuery("to must be an ISO 8601 date or time, e.g. 2025-06-01 or 2025-06-01T12:00:00Z.");
        }

        if (!TryParseTime(from, end - DefaultSummarySpan, out var start))
        {
            return Problems.BadQuery("from must be an ISO 8601 date or time, e.g. 2025-06-01 or 2025-06-01T12:00:00Z.");
        }

        if (start >= end)
        {
            return Problems.BadQuery("from must be before to.");
        }

        if (end - start > MaxSummarySpan)
        {
            return Problems.BadQuery($"from and to may be at most {MaxSummarySpan.TotalDays:0} days apart.");
        }

        IReadOnlyList<ViolationSummary> rows;
        try
        {
            rows = await cluster.GetGrain<IWarehouseGrain>(IWarehouseGrain.Key).SummarizeViolations(start, end, grouping);
        }
        catch (IOException ex)
        {
            return Unavailable(ex.Message);
        }

        var items = rows.Select(r => new ViolationSummaryItem(r.Key, r.Violations, Math.Round(r.AverageConfidence, 4))).ToList();
        return TypedResults.Ok(new ViolationSummaryResponse(start, end, grouping.ToString().ToLowerInvariant(), items.Sum(i => i.Violations), items));
    }

    private static bool TryParseGrouping(string? value, out AnalyticsGrouping grouping)
    {
        grouping = AnalyticsGrouping.Camera;
        return string.IsNullOrEmpty(value)
               || (Enum.TryParse(value, ignoreCase: true, out grouping) && Enum.IsDefined(grouping) && !value.Any(char.IsDigit));
    }

    /// <summary>ISO 8601 date or date-time; without an offset it is UTC.</summary>
    private static bool TryParseTime(string? value, DateTimeOffset fallback, out DateTimeOffset time)
    {
        time = fallback;
        return string.IsNullOrEmpty(value)
               || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    private static ProblemHttpResult Unavailable(string reason) => TypedResults.Problem(
        title: "Warehouse unavailable", detail: reason, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static ProblemHttpResult Rejected(string reason) => TypedResults.Problem(
        title: "Query refused", detail: reason, statusCode: StatusCodes.Status400BadRequest);
}
