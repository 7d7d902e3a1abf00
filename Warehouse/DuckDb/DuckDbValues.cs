using System.Collections;
using System.Numerics;

namespace VibeCheck.Warehouse.DuckDb;

/// <summary>Turns values read from DuckDB into JSON-friendly ones (numbers, strings, UTC times, lists, maps).</summary>
internal static class DuckDbValues
{
    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        string or bool or int or long or short or byte or sbyte or ushort or uint or decimal or Guid => value,
        ulong u => u <= long.MaxValue ? (long)u : u.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => double.IsFinite(d) ? d : d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        float f => float.IsFinite(f) ? (double)f : f.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BigInteger b => b >= long.MinValue && b <= long.MaxValue ? (long)b : b.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        DateOnly or TimeOnly or TimeSpan => value.ToString(),
        byte[] => value,
        IDictionary map => map.Keys.Cast<object>().ToDictionary(k => k.ToString() ?? string.Empty, k => Normalize(map[k])),
        IEnumerable list => list.Cast<object?>().Select(Normalize).ToList(),
        _ => value.ToString(),
    };
}
