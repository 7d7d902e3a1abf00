using Microsoft.AspNetCore.Http.HttpResults;

namespace VibeCheck.Gateway.Http;

/// <summary>The gateway's error answers, all <c>application/problem+json</c> with a precise status.</summary>
public static class Problems
{
    public static ProblemHttpResult InvalidCameraId(string id) => TypedResults.Problem(
        title: "Invalid camera id",
        detail: $"'{Truncate(id)}' is not a UUID; camera ids look like 8d2b3ae9-da68-4d37-8ae2-d3bc014f827b.",
        statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult UnknownCamera(Guid id) => TypedResults.Problem(
        title: "Unknown camera",
        detail: $"Camera {id} is not in the NYC DOT registry.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult CameraUnavailable(Guid id, string? reason) => TypedResults.Problem(
        title: "Camera image unavailable",
        detail: $"Camera {id} could not be fetched: {reason ?? "unknown error"}.",
        statusCode: StatusCodes.Status502BadGateway);

    public static ProblemHttpResult BadQuery(string detail) => TypedResults.Problem(
        title: "Invalid query parameter", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult BadHeader(string detail) => TypedResults.Problem(
        title: "Invalid header", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    // Echoing a megabyte of attacker input back would make the error the attack.
    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
