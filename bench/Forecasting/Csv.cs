using System.Text;

namespace VibeCheck.Forecasting.Bench;

/// <summary>RFC 4180 CSV reading (quoted fields may hold commas).</summary>
internal static class Csv
{
    public static IEnumerable<string[]> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                yield return Split(line);
            }
        }
    }

    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
