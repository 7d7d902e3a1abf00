using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Cameras;

namespace VibeCheck.Gateway.Http;

/// <summary>
/// The registry camera a route's <c>{id}</c> names, resolved once per request while the handler's arguments are
/// bound. When the id is malformed (400) or unknown (404), <see cref="Problem"/> holds the answer, and the camera
/// routes' filter (<see cref="Endpoints.CameraRoutes"/>) returns it before the handler runs: handlers only ever see
/// a known camera.
/// </summary>
/// <param name="Id">The camera's id.</param>
public sealed record KnownCamera(Guid Id)
{
    /// <summary>The route value holding the camera id.</summary>
    public const string RouteValue = "id";

    /// <summary>Why the id names no camera; null for a known camera.</summary>
    public ProblemHttpResult? Problem { get; private init; }

    /// <summary>Minimal APIs' binding hook: resolves the route's id through the <see cref="RegistryIndex"/>.</summary>
    public static async ValueTask<KnownCamera?> BindAsync(HttpContext context)
    {
        var id = context.Request.RouteValues[RouteValue] as string ?? "";
        var (camera, problem) = await context.RequestServices.GetRequiredService<RegistryIndex>().ResolveAsync(id);
        return new KnownCamera(camera) { Problem = problem };
    }
}
