using System.Text.Json.Nodes;
using VibeCheck.Deployment.Tests.Kubernetes;

namespace VibeCheck.Deployment.Tests.Metrics;

/// <summary>Checks of the Grafana dashboard JSON and the Prometheus alert rules.</summary>
internal static class ObservabilityChecks
{
    /// <summary>Every panel (rows aside, nested ones included) has queries over metrics we export.</summary>
    public static IEnumerable<string> Dashboard(JsonNode dashboard, IReadOnlySet<string> catalog)
    {
        var panels = Panels(dashboard["panels"]?.AsArray()).ToList();
        if (panels.Count == 0)
        {
            yield return "dashboard has no panels";
        }

        foreach (var duplicate in panels.GroupBy(p => (int?)p["id"]).Where(g => g.Count() > 1))
        {
            yield return $"panel id {duplicate.Key} is used {duplicate.Count()} times";
        }

        foreach (var panel in panels.Where(p => (string?)p["type"] != "row"))
        {
            var where = $"panel '{(string?)panel["title"]}'";
            var targets = panel["targets"]?.AsArray() ?? [];
            if (targets.Count == 0)
            {
                yield return $"{where} has no query";
            }

            foreach (var problem in targets.SelectMany(t => PromQl.Check(where, (string?)t?["expr"], catalog)))
            {
                yield return problem;
            }
        }
    }

    /// <summary>All query expressions of a dashboard, joined, to look for required metrics.</summary>
    public static string Queries(JsonNode dashboard) => string.Join('\n', Panels(dashboard["panels"]?.AsArray())
        .SelectMany(p => p["targets"]?.AsArray() ?? []).Select(t => (string?)t?["expr"]));

    /// <summary>Every rule has a name, an expression over exported metrics, a duration, a severity and a summary.</summary>
    public static IEnumerable<string> AlertRules(YamlMap rules, IReadOnlySet<string> catalog)
    {
        var all = rules.Maps("groups").SelectMany(g => g.Maps("rules")).ToList();
        if (all.Count == 0)
        {
            yield return "no alert rules";
        }

        foreach (var rule in all)
        {
            var where = $"alert '{rule.Str("alert") ?? "(unnamed)"}'";
            if (rule.Str("alert") is null)
            {
                yield return $"{where} has no name";
            }

            if (rule.Str("for") is null)
            {
                yield return $"{where} has no 'for' duration and would fire on one bad scrape";
            }

            if (rule.Map("labels").Str("severity") is not ("warning" or "critical"))
            {
                yield return $"{where} has no severity label (warning or critical)";
            }

            if (string.IsNullOrWhiteSpace(rule.Map("annotations").Str("summary")))
            {
                yield return $"{where} has no summary annotation";
            }

            foreach (var problem in PromQl.Check(where, rule.Str("expr"), catalog))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<JsonNode> Panels(JsonArray? panels) => (panels ?? [])
        .OfType<JsonNode>()
        .SelectMany(p => new[] { p }.Concat(Panels(p["panels"]?.AsArray())));
}
