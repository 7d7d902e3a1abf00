using System.Text.RegularExpressions;

namespace VibeCheck.Deployment.Tests.Metrics;

/// <summary>
/// The <c>vibecheck_*</c> series our code exports, found by reading the instruments it creates and naming them the
/// way the OpenTelemetry Prometheus exporter does (dots to underscores, unit suffix, <c>_total</c> on counters,
/// <c>_bucket/_sum/_count</c> on histograms).
/// </summary>
internal static partial class MetricCatalog
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "tests", "bench"];

    public static IReadOnlySet<string> Load(string root) => Directory
        .EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains))
        .SelectMany(f => FromSource(File.ReadAllText(f)))
        .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> FromSource(string source) =>
        Instrument().Matches(source).SelectMany(m => SeriesOf(m.Groups["kind"].Value, m.Groups["name"].Value, m.Groups["unit"].Value));

    /// <summary>The Prometheus series one instrument produces.</summary>
    public static IEnumerable<string> SeriesOf(string kind, string name, string unit)
    {
        var baseName = name.Replace('.', '_') + UnitSuffix(unit);
        if (kind == "Histogram")
        {
            return [baseName + "_bucket", baseName + "_sum", baseName + "_count"];
        }

        return kind is "Counter" or "ObservableCounter" ? [baseName + "_total"] : [baseName];
    }

    private static string UnitSuffix(string unit) => unit switch
    {
        "s" => "_seconds",
        "ms" => "_milliseconds",
        "By" => "_bytes",
        _ => "",
    };

    [GeneratedRegex(@"Create(?<kind>Histogram|Counter|UpDownCounter|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)(?:<[^>]+>)?\(\s*""(?<name>vibecheck\.[\w.]+)""\s*,\s*(?:[A-Za-z_][\w.]*\s*,\s*)?""(?<unit>[^""]*)""")]
    private static partial Regex Instrument();
}
