using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Gateway.Contracts;

/// <summary><c>GET /alerts</c>.</summary>
public sealed record AlertListResponse(int Count, IReadOnlyList<AlertView> Alerts);

/// <summary><c>GET /silences</c>.</summary>
public sealed record SilenceListResponse(int Count, IReadOnlyList<SilenceView> Silences);

/// <summary><c>GET /alerts/dead-letters</c>.</summary>
public sealed record DeadLetterListResponse(int Count, IReadOnlyList<DeadLetterView> DeadLetters);

/// <summary><c>POST /alerts/test</c> body: <c>{"tier": "HIGH"}</c> or <c>{"tier": "MEDIUM"}</c>.</summary>
public sealed record TestAlertRequest(string? Tier);

/// <summary><c>POST /alerts/{id}/ack</c> body (optional): who acknowledges.</summary>
public sealed record AcknowledgeRequest(string? By);

/// <summary>
/// <c>POST /silences</c> body: matchers (all must match; operator <c>=</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>), an end
/// (<c>endsAt</c>, or <c>duration</c> from the start), an optional start (default now), author and comment.
/// </summary>
public sealed record SilenceRequest(
    IReadOnlyList<SilenceMatcherRequest>? Matchers,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    TimeSpan? Duration,
    string? CreatedBy,
    string? Comment);

/// <summary>One matcher of <see cref="SilenceRequest"/>, e.g. <c>{"name": "camera", "value": "..."}</c>.</summary>
public sealed record SilenceMatcherRequest(string? Name, string? Value, string? Operator);
