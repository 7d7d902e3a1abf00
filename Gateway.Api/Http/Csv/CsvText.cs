using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VibeCheck.Gateway.Http.Csv;

/// <summary>
/// RFC 4180 text of an <see cref="ICsvTable"/>: CRLF line ends, fields quoted when they hold a comma, quote or line
/// break, numbers in the invariant culture, times as ISO 8601 UTC.
/// </summary>
public static class CsvText
{
    /// <summary>The header row and every row of <paramref name="table"/>.</summary>
    public static string Write(ICsvTable table)
    {
        var text = new StringBuilder();
        AppendRow(text, [.. table.CsvHeader()]);
        foreach (var row in table.CsvRows())
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>One value as the text of a field, before quoting.</summary>
    public static string Field(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset t => Iso8601(t.UtcDateTime),
        DateTime t => Iso8601(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        JsonElement e => e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.String => e.GetString() ?? "",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            // Numbers keep their JSON text, exactly as the JSON answer has them; lists and maps stay JSON.
            _ => e.GetRawText(),
        },
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Iso8601(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var field = Field(values[i]);
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
