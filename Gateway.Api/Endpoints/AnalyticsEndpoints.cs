using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http.Csv;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces.Analytics;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>
/// Analytics: read-only SQL against the warehouse (admin key) and ready-made violation summaries (reads). Both go to the
/// cluster's <see cref="IWarehouseGrain"/>, so the gateway needs no warehouse settings and sees every silo's rows.
/// </summary>
public static partial class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/analytics").WithTags("Analytics");
        analytics.MapPost("/query", QueryAsync)
            .WithName("AnalyticsQuery")
            .WithSummary("Runs one read-only SELECT against the warehouse (row and time limits; no file or network access) and answers {columns, rows}.")
            .AnswersCsvOrJson()
            .ForAdmins();
        analytics.MapGet("/violations", SummarizeViolationsAsync)
            .WithName("AnalyticsViolations")
            .WithSummary($"Violation episodes started in [from, to) (ISO 8601; default the last day) grouped by camera, type, hour, day or borough; ?limit=N (1..{MaxGroups}) keeps the N largest groups. JSON or text/csv.")
            .AnswersCsvOrJson()
            .ForReaders();
        analytics.MapGet("/overview", OverviewAsync)
            .WithName("AnalyticsOverview")
            .WithSummary($"The city at a glance for [from, to): violations over time (by hour up to {MaxHourlySpanHours} h, by day beyond, or ?bucket=), by type, by borough and the ?top= (1..{MaxTop}, default {DefaultTop}) cameras. JSON or text/csv.")
            .AnswersCsvOrJson()
            .ForReaders();
        analytics.MapGet("/cameras", SummarizeCamerasAsync)
            .WithName("AnalyticsCameras")
            .WithSummary($"Violation episodes started in [from, to) (ISO 8601; default the last day) per camera, largest first, each with its count by type; ?limit=N (1..{MaxGroups}) keeps the N largest cameras. JSON or text/csv (one row per camera and type).")
            .AnswersCsvOrJson()
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

    private static ProblemHttpResult Unavailable(string reason) => TypedResults.Problem(
        title: "Warehouse unavailable", detail: reason, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static ProblemHttpResult Rejected(string reason) => TypedResults.Problem(
        title: "Query refused", detail: reason, statusCode: StatusCodes.Status400BadRequest);
}
