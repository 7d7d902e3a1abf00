using System.Globalization;
using System.Text.Json;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>Decodes jobs.query rows (<c>{"f":[{"v":...}]}</c>) into typed values using the response schema.</summary>
internal static class BigQueryCells
{
    public static IReadOnlyList<object?> RowOf(JsonElement fields, JsonElement row)
    {
        var cells = row.GetProperty("f");
        var values = new object?[fields.GetArrayLength()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ValueOf(fields[i], cells[i].GetProperty("v"));
        }

        return values;
    }

    private static object? ValueOf(JsonElement field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (field.TryGetProperty("mode", out var mode) && mode.GetString() == "REPEATED")
        {
            return value.EnumerateArray().Select(item => Scalar(field, item.GetProperty("v"))).ToList();
        }

        return Scalar(field, value);
    }

    private static object? Scalar(JsonElement field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = field.GetProperty("type").GetString();
        if (type is "RECORD" or "STRUCT")
        {
            var subFields = field.GetProperty("fields");
            var cells = value.GetProperty("f");
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < subFields.GetArrayLength(); i++)
            {
                record[subFields[i].GetProperty("name").GetString()!] = ValueOf(subFields[i], cells[i].GetProperty("v"));
            }

            return record;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            "INTEGER" or "INT64" => long.Parse(text, invariant),
            "FLOAT" or "FLOAT64" => double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d : text,
            "BOOLEAN" or "BOOL" => bool.Parse(text),
            "NUMERIC" or "BIGNUMERIC" => decimal.TryParse(text, NumberStyles.Float, invariant, out var m) ? m : text,
            "TIMESTAMP" => long.TryParse(text, NumberStyles.Integer, invariant, out var micros)
                ? DateTime.UnixEpoch.AddTicks(micros * 10)
                : DateTime.UnixEpoch.AddTicks((long)(double.Parse(text, invariant) * TimeSpan.TicksPerSecond)),
            _ => text,
        };
    }
}
