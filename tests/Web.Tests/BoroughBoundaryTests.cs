using System.Net;
using System.Text.Json;
using VibeCheck.TestSupport;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>The served borough outlines (<c>GET /map/boroughs.geojson</c>) against the real NYC DOT camera registry.</summary>
[Collection(WebClusterCollection.Name)]
public sealed class BoroughBoundaryTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Cameras on bridges stand over the water or past the far anchorage: the outlines follow the shore, the
    /// registry's "area" the road. Measured: 33 such cameras, the farthest 661 m (Brooklyn Bridge, Manhattan anchorage).
    /// </summary>
    private const double FarthestBridgeCameraMetres = 700;

    /// <summary>
    /// Cameras the registry names with another borough than the one they stand in, kilometres inside it (e.g. the
    /// Hutchinson River Parkway is in the Bronx, Arthur Kill Road on Staten Island): the registry's mistakes, not the
    /// outlines'. Each must lie in the borough given here.
    /// </summary>
    private static readonly Dictionary<string, string> RegistryMislabels = new(StringComparer.Ordinal)
    {
        ["7980448b-0d57-49ad-8b87-50174e5d3065"] = "Staten Island", // Richmond Ave @ Arthur Kill Rd, area Queens
        ["b6ce5739-ca1f-4a8d-bfd7-5979d6ff6dfc"] = "Manhattan", // Battery Park Underpass, area Bronx
        ["bfeb2434-fd55-4024-8172-f9602ea6ae06"] = "Bronx", // Hutchinson River Pkwy @ Waterbury Ave, area Queens
        ["c90f122a-2ea4-4614-b434-3599bcb04a19"] = "Bronx", // Hutchinson River Pkwy @ Bruckner Expy, area Queens
        ["0039e6bf-5244-4b4e-b7dc-d02056bbfdc9"] = "Queens", // Atlantic Ave @ 111 St, area Brooklyn
        ["b963b25c-9fcf-4a12-b502-c57468510315"] = "Queens", // Queensboro Bridge entrance @ Thomson Ave, area Manhattan
        ["a3c04155-329d-4a9e-8dbf-e33a6d5aa045"] = "Manhattan", // Rt. 9A @ Morris St, area Brooklyn
        ["8afc5cd6-f735-47e8-bd57-6e6d3b81b442"] = "Brooklyn", // Williamsburg Bridge @ Berry St, area Manhattan
    };

    private static readonly string[] FiveBoroughs = ["Bronx", "Brooklyn", "Manhattan", "Queens", "Staten Island"];

    [Fact]
    public async Task Boroughs_are_five_named_features_small_enough_for_a_page()
    {
        using var anonymous = fixture.System.NewClient(null);
        var response = await anonymous.GetAsync("/map/boroughs.geojson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 20_000, 300_000);
        using var document = JsonDocument.Parse(bytes);
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
        var outlines = BoroughOutlines.Parse(document.RootElement);
        Assert.Equal(FiveBoroughs, outlines.Names.Order());
        output.WriteLine($"{bytes.Length / 1024} KB, {outlines.VertexCount} vertices");

        // Landmarks a kilometre or more from any borough line, each in its borough and in no other.
        (string Borough, double Longitude, double Latitude)[] landmarks =
        [
            ("Manhattan", -73.9654, 40.7829), // Central Park
            ("Brooklyn", -73.9690, 40.6602), // Prospect Park
            ("Queens", -73.8448, 40.7498), // Flushing Meadows
            ("Bronx", -73.8770, 40.8501), // Bronx Zoo
            ("Staten Island", -74.1502, 40.5795), // Staten Island Greenbelt
        ];
        foreach (var (borough, longitude, latitude) in landmarks)
        {
            Assert.Equal([borough], FiveBoroughs.Where(b => outlines.Contains(b, longitude, latitude)));
        }

        // Open water: the Upper Bay, between Manhattan, Brooklyn, Staten Island and New Jersey.
        Assert.DoesNotContain(FiveBoroughs, b => outlines.Contains(b, -74.0445, 40.6650));
    }

    [RegistryFact]
    public async Task Every_registry_camera_lies_in_its_own_borough_or_within_a_bridge_length_of_it()
    {
        var outlines = BoroughOutlines.Parse(await fixture.System.GetJsonAsync<JsonElement>("/map/boroughs.geojson"));
        using var registry = JsonDocument.Parse(await File.ReadAllBytesAsync(RegistryFactAttribute.RegistryPath!));
        var cameras = registry.RootElement.EnumerateArray()
            .Select(c => (Id: c.GetProperty("id").GetString()!, Name: c.GetProperty("name").GetString()!, Borough: c.GetProperty("area").GetString()!,
                Longitude: c.GetProperty("longitude").GetDouble(), Latitude: c.GetProperty("latitude").GetDouble()))
            .Where(c => FiveBoroughs.Contains(c.Borough)) // the registry's one camera in Northern Ireland
            .ToList();
        Assert.True(cameras.Count > 900, $"{cameras.Count} cameras in the five boroughs");

        var exceptions = cameras
            .Select(c => (Camera: c, Metres: outlines.DistanceMetres(c.Borough, c.Longitude, c.Latitude)))
            .Where(e => e.Metres > 0)
            .OrderByDescending(e => e.Metres)
            .ToList();
        foreach (var (camera, metres) in exceptions)
        {
            var under = FiveBoroughs.FirstOrDefault(b => outlines.Contains(b, camera.Longitude, camera.Latitude)) ?? "water";
            output.WriteLine($"{metres,6:F0} m outside {camera.Borough} (in {under}): {camera.Name} {camera.Id}");
        }

        output.WriteLine($"{cameras.Count - exceptions.Count} of {cameras.Count} cameras inside their own borough");
        foreach (var (camera, metres) in exceptions)
        {
            if (RegistryMislabels.TryGetValue(camera.Id, out var actual))
            {
                Assert.True(outlines.Contains(actual, camera.Longitude, camera.Latitude), $"{camera.Name} lies in {actual}");
            }
            else
            {
                Assert.True(metres <= FarthestBridgeCameraMetres, $"{camera.Name} is {metres:F0} m from {camera.Borough}");
            }
        }

        Assert.True(exceptions.Count <= cameras.Count / 20, $"{exceptions.Count} cameras outside their borough: more than 5 %");
    }
}

/// <summary>A fact that needs the real camera registry in the shared data; skipped with the reason without it.</summary>
public sealed class RegistryFactAttribute : FactAttribute
{
    public static readonly string? RegistryPath = SharedData.Root is { } root
        ? Path.Combine(root, "nyc-camera-registry", "skortchmark9-bus_cameras_all.json")
        : null;

    public RegistryFactAttribute()
    {
        if (RegistryPath is null || !File.Exists(RegistryPath))
        {
            Skip = "needs the camera registry in ../shared/data/nyc-camera-registry (or VIBECHECK_DATA)";
        }
    }
}
