using System.Text.RegularExpressions;

namespace VibeCheck.Deployment.Tests.Metrics;

/// <summary>Metric names in PromQL expressions, and whether they exist.</summary>
internal static partial class PromQl
{
    /// <summary>Families our processes export: own meters, Orleans meters, ASP.NET Core, .NET runtime, and Prometheus' up.</summary>
    public static readonly string[] Families = ["vibecheck_", "orleans_", "http_server_", "dotnet_"];

    public static IEnumerable<string> Metrics(string expr) => MetricName().Matches(expr).Select(m => m.Value);

    /// <summary>Problems of one query: references no metric of ours, or a vibecheck_ series the code does not export.</summary>
    public static IEnumerable<string> Check(string where, string? expr, IReadOnlySet<string> catalog)
    {
        if (string.IsNullOrWhiteSpace(expr))
        {
            yield return $"{where} has an empty query";
            yield break;
        }

        var metrics = Metrics(expr).ToList();
        if (metrics.Count == 0)
        {
            yield return $"{where} queries no VibeCheck, Orleans or ASP.NET Core metric: {expr.Trim()}";
        }

        foreach (var unknown in metrics.Where(m => m.StartsWith("vibecheck_", StringComparison.Ordinal) && !catalog.Contains(m)))
        {
            yield return $"{where} queries {unknown}, which the code does not export";
        }
    }

    [GeneratedRegex(@"\b(?:(?:vibecheck|orleans|http_server|dotnet)_[A-Za-z0-9_]+|up(?=\s*\{))")]
    private static partial Regex MetricName();
}
