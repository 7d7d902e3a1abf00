using System.Text.Json;

namespace VibeCheck.Integration.Tests;

/// <summary>Builds camera lists in the NYC DOT API's own JSON layout.</summary>
public static class TestRegistry
{
    public static readonly Guid NorthernIrelandId = Guid.Parse("f09ab02e-8c25-431d-8547-e8b86e9e357b");

    public static string Json(IEnumerable<Guid> cameraIds, bool includeNorthernIreland = true)
    {
        var entries = cameraIds.Select((id, i) => new Dictionary<string, object>
        {
            ["id"] = id.ToString(),
            ["name"] = $"Test Ave @ {i + 1} St",
            ["latitude"] = 40.70 + i * 0.001,
            ["longitude"] = -73.95 - i * 0.001,
            ["area"] = i % 2 == 0 ? "Manhattan" : "Brooklyn",
            ["isOnline"] = "true",
            ["imageUrl"] = $"https://webcams.nyctmc.org/api/cameras/{id}/image",
        }).ToList();
        if (includeNorthernIreland)
        {
            entries.Add(new Dictionary<string, object>
            {
                ["id"] = NorthernIrelandId.ToString(),
                ["name"] = "Great Jmaes Street @ A2 Rd",
                ["latitude"] = 54.999389,
                ["longitude"] = -7.321861,
                ["area"] = "Derry City",
                ["isOnline"] = "true",
                ["imageUrl"] = "https://cctv.trafficwatchni.com/3292.jpg",
            });
        }

        return JsonSerializer.Serialize(entries);
    }
}
