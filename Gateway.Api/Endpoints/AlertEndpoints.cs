using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>Alerts, their acknowledgement and delivery, silences, and test alerts.</summary>
public static partial class AlertEndpoints
{
    private static readonly string[] Statuses = ["firing", "resolved"];
    private static readonly string[] Tiers = ["high", "medium", "low"];
    private static readonly string[] Operators = ["=", "!=", "=~", "!~"];
    private static readonly TimeSpan MaxSilence = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("").WithTags("Alerts")
            .ForReaders();
        var writes = app.MapGroup("").WithTags("Alerts")
            .ForWriters();

        reads.MapGet("/alerts", ListAsync).WithName("ListAlerts")
            .WithSummary("Alerts, newest first; filter by status (firing, resolved), tier (high, medium, low) and camera.");
        reads.MapGet("/alerts/dead-letters", DeadLettersAsync).WithName("ListAlertDeadLetters")
            .WithSummary("Deliveries given up on after their retries, with the reason.");
        reads.MapGet("/alerts/{id}", GetAsync).WithName("GetAlert")
            .WithSummary("One alert with its delivery history, pending deliveries and dead letters.");
        writes.MapPost("/alerts/{id}/ack", AcknowledgeAsync).WithName("AcknowledgeAlert")
            .WithSummary("Acknowledges an alert: no escalation, no repeats.");
        writes.MapPost("/alerts/test", SendTestAsync).WithName("SendTestAlert")
            .WithSummary("Sends a test alert through the channels of the tier (HIGH or MEDIUM).");
        reads.MapGet("/silences", ListSilencesAsync).WithName("ListSilences")
            .WithSummary("Silences: active, pending and recently expired.");
        writes.MapPost("/silences", CreateSilenceAsync).WithName("CreateSilence")
            .WithSummary("Mutes alerts whose labels match every matcher (e.g. camera, type, borough) until endsAt.");
        writes.MapDelete("/silences/{id}", ExpireSilenceAsync).WithName("ExpireSilence")
            .WithSummary("Ends a silence now.");
        return app;
    }

    private static IAlertGrain Router(IClusterClient cluster) => cluster.GetGrain<IAlertGrain>(IAlertGrain.Key);

    private static async Task<Results<Ok<AlertListResponse>, ProblemHttpResult>> ListAsync(
        IClusterClient cluster, string? status = null, string? tier = null, string? camera = null)
    {
        if (status is not null && !Statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return Invalid($"status must be one of {string.Join(", ", Statuses)}.");
        }

        if (tier is not null && !Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase))
        {
            return Invalid($"tier must be one of {string.Join(", ", Tiers)}.");
        }

        if (camera is { Length: > 64 })
        {
            return Invalid("camera is longer than 64 characters.");
        }

        var alerts = await Router(cluster).List(new AlertQuery(status, tier, camera));
        return TypedResults.Ok(new AlertListResponse(alerts.Count, alerts));
    }

    private static async Task<Results<Ok<AlertDetails>, ProblemHttpResult>> GetAsync(string id, IClusterClient cluster)
    {
        if (!AlertId().IsMatch(id))
        {
            return Invalid("alert ids are 16 lowercase hex characters.");
        }

        var details = await Router(cluster).Get(id);
        return details is null ? UnknownAlert(id) : TypedResults.Ok(details);
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> AcknowledgeAsync(
        string id, IClusterClient cluster, HttpContext http, AcknowledgeRequest? body = null)
    {
        if (!AlertId().IsMatch(id))
        {
            return Invalid("alert ids are 16 lowercase hex characters.");
        }

        if (body?.By is { Length: > 128 })
        {
            return Invalid("by is longer than 128 characters.");
        }

        var by = string.IsNullOrWhiteSpace(body?.By) ? http.User.Identity?.Name ?? "api" : body.By;
        var acknowledged = await Router(cluster).Acknowledge(id, by);
        return acknowledged is null ? UnknownAlert(id) : TypedResults.Ok(acknowledged);
    }

    private static async Task<Results<Accepted<TestAlertReceipt>, ProblemHttpResult>> SendTestAsync(
        IClusterClient cluster, TestAlertRequest? body = null)
    {
        var tier = body?.Tier?.ToLowerInvariant();
        if (tier is not ("high" or "medium"))
        {
            return Invalid("tier must be HIGH or MEDIUM.");
        }

        var receipt = await Router(cluster).SendTest(tier);
        return TypedResults.Accepted($"/alerts/{receipt.AlertId}", receipt);
    }

    private static async Task<Ok<DeadLetterListResponse>> DeadLettersAsync(IClusterClient cluster)
    {
        var dead = await Router(cluster).DeadLetters();
        return TypedResults.Ok(new DeadLetterListResponse(dead.Count, dead));
    }

    private static async Task<Ok<SilenceListResponse>> ListSilencesAsync(IClusterClient cluster)
    {
        var silences = await Router(cluster).Silences();
        return TypedResults.Ok(new SilenceListResponse(silences.Count, silences));
    }

    private static async Task<Results<Created<SilenceView>, ProblemHttpResult>> CreateSilenceAsync(
        IClusterClient cluster, HttpContext http, TimeProvider clock, SilenceRequest? body = null)
    {
        var now = clock.GetUtcNow();
        var (silence, error) = ToSilence(body, now, http.User.Identity?.Name ?? "api");
        if (silence is null)
        {
            return Invalid(error!, "Invalid silence");
        }

        var errors = await Router(cluster).AddSilence(silence);
        if (errors.Count > 0)
        {
            return Invalid(string.Join("; ", errors), "Invalid silence");
        }

        return TypedResults.Created($"/silences/{silence.Id}", silence with { State = silence.StartsAt <= now ? "active" : "pending" });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ExpireSilenceAsync(string id, IClusterClient cluster)
    {
        if (id.Length > 64)
        {
            return Invalid("silence ids are at most 64 characters.");
        }

        return await Router(cluster).ExpireSilence(id)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Unknown silence", detail: $"No silence has id '{id}'.", statusCode: StatusCodes.Status404NotFound);
    }

    private static (SilenceView? Silence, string? Error) ToSilence(SilenceRequest? body, DateTimeOffset now, string author)
    {
        if (body?.Matchers is not { Count: > 0 } matchers)
        {
            return (null, "a silence needs at least one matcher, e.g. {\"name\": \"camera\", \"value\": \"...\"}.");
        }

        if (matchers.Count > 16)
        {
            return (null, "a silence has at most 16 matchers.");
        }

        foreach (var m in matchers)
        {
            if (string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 64 || m.Value is null || m.Value.Length > 256)
            {
                return (null, "every matcher needs a name (at most 64 characters) and a value (at most 256).");
            }

            if (m.Operator is not null && !Operators.Contains(m.Operator))
            {
                return (null, $"matcher {m.Name}: operator must be one of {string.Join(", ", Operators)}.");
            }
        }

        var startsAt = body.StartsAt ?? now;
        var endsAt = body.EndsAt ?? (body.Duration is { } d ? startsAt + d : (DateTimeOffset?)null);
        if (endsAt is null)
        {
            return (null, "give endsAt or duration.");
        }

        if (endsAt <= startsAt || endsAt <= now)
        {
            return (null, "a silence must end after it starts and in the future.");
        }

        if (endsAt - startsAt > MaxSilence)
        {
            return (null, $"a silence lasts at most {MaxSilence.TotalDays:0} days.");
        }

        if ((body.CreatedBy?.Length ?? 0) > 128 || (body.Comment?.Length ?? 0) > 1024)
        {
            return (null, "createdBy is at most 128 characters and comment at most 1024.");
        }

        return (new SilenceView(
            Guid.NewGuid().ToString("N"),
            matchers.Select(m => new MatcherView(m.Name!, m.Value!, m.Operator ?? "=")).ToList(),
            startsAt,
            endsAt.Value,
            string.IsNullOrWhiteSpace(body.CreatedBy) ? author : body.CreatedBy,
            body.Comment ?? "",
            "active"), null);
    }

    private static ProblemHttpResult Invalid(string detail, string title = "Invalid request") =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult UnknownAlert(string id) =>
        TypedResults.Problem(title: "Unknown alert", detail: $"No alert has id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex AlertId();
}
