namespace VibeCheck.Vision.Zones;

/// <summary>The snake_case names of <see cref="ZoneType"/> used in zone JSON (bike_lane, bus_lane, crosswalk, box, no_standing, sidewalk, roadway).</summary>
public static class ZoneTypeNames
{
    private static readonly Dictionary<ZoneType, string> Names = new()
    {
        [ZoneType.BikeLane] = "bike_lane",
        [ZoneType.BusLane] = "bus_lane",
        [ZoneType.Crosswalk] = "crosswalk",
        [ZoneType.Box] = "box",
        [ZoneType.NoStanding] = "no_standing",
        [ZoneType.Sidewalk] = "sidewalk",
        [ZoneType.Roadway] = "roadway",
    };

    private static readonly Dictionary<string, ZoneType> Types =
        Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All JSON names, in enum order.</summary>
    public static IReadOnlyCollection<string> All => Names.Values;

    /// <summary>The JSON name of a zone type.</summary>
    public static string ToName(ZoneType type) => Names[type];

    /// <summary>Parses a JSON name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out ZoneType type)
    {
        type = default;
        return name is not null && Types.TryGetValue(name, out type);
    }
}
