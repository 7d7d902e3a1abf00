using System.Text.Json.Nodes;
using VibeCheck.Deployment.Tests.Kubernetes;

namespace VibeCheck.Deployment.Tests.Metrics;

/// <summary>The Grafana dashboard and the alert rules query metrics our code really exports.</summary>
public sealed class ObservabilityTests
{
    private const string DashboardPath = "deploy/grafana/vibecheck-dashboard.json";
    private const string AlertsPath = "deploy/prometheus/vibecheck-alerts.yaml";

    private static readonly IReadOnlySet<string> Catalog = MetricCatalog.Load(RepoPaths.Root);

    [Theory]
    [InlineData("vibecheck_frame_fetch_duration_seconds_bucket")]
    [InlineData("vibecheck_frame_processing_duration_seconds_bucket")]
    [InlineData("vibecheck_cache_requests_total")]
    [InlineData("vibecheck_cameras")]
    [InlineData("vibecheck_gateway_process_duration_seconds_bucket")]
    public void Catalog_reads_the_instruments_from_the_code(string series) => Assert.Contains(series, Catalog);

    [Theory]
    [InlineData("""meter.CreateHistogram<double>("vibecheck.x.duration", "s", "d")""", "vibecheck_x_duration_seconds_bucket")]
    [InlineData("""meter.CreateCounter<long>("vibecheck.x.requests", "{request}", "d")""", "vibecheck_x_requests_total")]
    [InlineData("""meter.CreateObservableGauge("vibecheck.x", Observe, "{camera}", "d")""", "vibecheck_x")]
    public void Instruments_are_named_like_the_prometheus_exporter(string source, string series) =>
        Assert.Contains(series, MetricCatalog.FromSource(source));

    [Fact]
    public void Dashboard_panels_query_exported_metrics() =>
        Assert.Empty(ObservabilityChecks.Dashboard(LoadDashboard(), Catalog));

    [Theory]
    [InlineData("vibecheck_frame_fetch_duration_seconds_bucket")]
    [InlineData("vibecheck_frame_processing_duration_seconds_bucket")]
    [InlineData("vibecheck_cache_requests_total{result=\"hit\"}")]
    [InlineData("vibecheck_cameras")]
    [InlineData("vibecheck_gateway_process_duration_seconds_bucket")]
    [InlineData("http_server_request_duration_seconds")]
    [InlineData("orleans_catalog_activations")]
    [InlineData("orleans_app_requests_latency")]
    public void Dashboard_shows_required_metric(string metric) =>
        Assert.Contains(metric, ObservabilityChecks.Queries(LoadDashboard()));

    [Fact]
    public void Dashboard_panel_with_unknown_metric_is_caught()
    {
        var dashboard = LoadDashboard();
        dashboard["panels"]![1]!["targets"]![0]!["expr"] = "rate(vibecheck_frame_fetch_latency_bucket[5m])";

        Assert.Contains(ObservabilityChecks.Dashboard(dashboard, Catalog), p => p.Contains("vibecheck_frame_fetch_latency_bucket", StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_panel_without_our_metrics_is_caught()
    {
        var dashboard = LoadDashboard();
        dashboard["panels"]!.AsArray().Add(JsonNode.Parse("""{"id": 999, "type": "timeseries", "title": "Nodes", "targets": [{"expr": "node_load1"}]}"""));

        Assert.Contains(ObservabilityChecks.Dashboard(dashboard, Catalog), p => p.Contains("panel 'Nodes' queries no", StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_panel_without_query_is_caught()
    {
        var dashboard = LoadDashboard();
        dashboard["panels"]![1]!["targets"] = new JsonArray();

        Assert.Contains(ObservabilityChecks.Dashboard(dashboard, Catalog), p => p.EndsWith("has no query", StringComparison.Ordinal));
    }

    [Fact]
    public void Alert_rules_are_complete_and_query_exported_metrics() =>
        Assert.Empty(ObservabilityChecks.AlertRules(LoadAlerts(), Catalog));

    [Theory]
    [InlineData("VibeCheckCacheHitRatioLow", "vibecheck_cache_requests_total", "< 0.8")]
    [InlineData("VibeCheckProcessingLatencyHigh", "histogram_quantile(0.95, sum by (le) (rate(vibecheck_frame_processing_duration_seconds_bucket", "> 0.5")]
    [InlineData("VibeCheckGatewayErrorRateHigh", "http_response_status_code=~\"5..\"", "> 0.01")]
    [InlineData("VibeCheckFrameFetchErrorRateHigh", "vibecheck_frame_fetch_failures_total", "> 0.01")]
    [InlineData("VibeCheckCamerasOfflineShareHigh", "vibecheck_cameras{health=\"offline\"}", "> 0.2")]
    [InlineData("VibeCheckTargetDown", "up{namespace=\"vibecheck\"}", "== 0")]
    public void Required_alert_has_its_condition(string alert, string query, string threshold)
    {
        var rule = LoadAlerts().Maps("groups").SelectMany(g => g.Maps("rules")).SingleOrDefault(r => r.Str("alert") == alert);

        Assert.NotNull(rule);
        Assert.Contains(query, rule.Str("expr"));
        Assert.Contains(threshold, rule.Str("expr"));
    }

    [Fact]
    public void Alert_rule_without_severity_or_with_unknown_metric_is_caught()
    {
        var alerts = LoadAlerts();
        var rule = alerts.Maps("groups").First().Maps("rules").First();
        rule.Map("labels")!.Remove("severity");
        rule["expr"] = "vibecheck_cache_hits_total > 0";

        var problems = ObservabilityChecks.AlertRules(alerts, Catalog).ToList();

        Assert.Contains(problems, p => p.Contains("no severity label", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("vibecheck_cache_hits_total, which the code does not export", StringComparison.Ordinal));
    }

    private static JsonNode LoadDashboard() => JsonNode.Parse(File.ReadAllText(RepoPaths.Of(DashboardPath)))!;

    private static YamlMap LoadAlerts() => Assert.Single(YamlTree.Parse(File.ReadAllText(RepoPaths.Of(AlertsPath))));
}
