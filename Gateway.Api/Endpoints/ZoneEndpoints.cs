using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Contracts;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>A camera's zones: named pixel polygons with a street-use type, which the violation rules work on.</summary>
public static class ZoneEndpoints
{
    private const string BodyShape = "[{\"name\": \"lane\", \"type\": \"bike_lane\", \"points\": [[x, y], ...]}, ...]";

    public static IEndpointRouteBuilder MapZoneEndpoints(this IEndpointRouteBuilder app)
    {
        var camera = app.MapCameraGroup();
        camera.MapGet("/zones", GetZonesAsync)
            .WithTags("Zones")
            .WithName("GetCameraZones")
            .WithSummary("The camera's zones: [{name, type, points: [[x, y], ...]}].")
            .ForReaders();
        camera.MapPut("/zones", PutZonesAsync)
            .WithTags("Zones")
            .WithName("PutCameraZones")
            .WithSummary("Replaces the camera's zones with the JSON array in the body (empty array: no zones); 400 lists every error, in zoneErrors with the index of the zone it concerns.")
            .Accepts<ZoneDocument[]>("application/json")
            .ForWriters();
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ZoneDocument>>, ProblemHttpResult>> GetZonesAsync(
        KnownCamera camera, IClusterClient cluster)
    {
        var zones = await cluster.GetGrain<ICameraGrain>(camera.Id).GetZones();
        return TypedResults.Ok<IReadOnlyList<ZoneDocument>>(zones.Select(ZoneDocument.From).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ZoneDocument>>, ProblemHttpResult>> PutZonesAsync(
        KnownCamera camera, HttpRequest request, IClusterClient cluster)
    {
        ZoneDocument?[]? body;
        try
        {
            body = await request.ReadFromJsonAsync<ZoneDocument?[]>(request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return InvalidZones([$"the body is not a JSON array of the form {BodyShape}: {ex.Message}"]);
        }
        catch (InvalidOperationException)
        {
            return InvalidZones(["the body must be JSON (Content-Type: application/json)"]);
        }

        var (zones, errors) = ToContract(body);
        if (errors.Count > 0)
        {
            return InvalidZones(errors);
        }

        var result = await cluster.GetGrain<ICameraGrain>(camera.Id).SetZones(zones);
        return result.Accepted
            ? TypedResults.Ok<IReadOnlyList<ZoneDocument>>(result.Zones.Select(ZoneDocument.From).ToList())
            : InvalidZones(result.Errors);
    }

    /// <summary>The body's shape; the geometry and the type names are checked by the camera grain with the vision validator.</summary>
    private static (List<CameraZone> Zones, List<string> Errors) ToContract(ZoneDocument?[]? body)
    {
        var errors = new List<string>();
        var zones = new List<CameraZone>();
        if (body is null)
        {
            errors.Add($"the body must be a JSON array of the form {BodyShape}");
            return (zones, errors);
        }

        for (var i = 0; i < body.Length; i++)
        {
            var zone = body[i];
            if (zone is null)
            {
                errors.Add($"zone {i}: missing");
                continue;
            }

            var points = zone.Points ?? [];
            var badPoints = Enumerable.Range(0, points.Length).Where(p => points[p] is not { Length: 2 }).ToList();
            if (badPoints.Count > 0)
            {
                errors.Add($"zone {i}: every point is [x, y]; not so at {string.Join(", ", badPoints.Take(8).Select(p => $"points[{p}]"))}");
                continue;
            }

            zones.Add(new CameraZone(zone.Name ?? "", zone.Type ?? "", points.Select(p => new ZonePoint(p![0], p[1])).ToList()));
        }

        return (zones, errors);
    }

    private static ProblemHttpResult InvalidZones(IReadOnlyList<string> errors) => TypedResults.Problem(
        title: "Invalid zones",
        detail: string.Join("; ", errors),
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = errors, ["zoneErrors"] = errors.Select(ZoneError.From).ToList() });
}
