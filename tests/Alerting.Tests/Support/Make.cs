namespace VibeCheck.Alerting.Tests.Support;

/// <summary>Builders of test inputs.</summary>
internal static class Make
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static AlertsOptions Options(Action<AlertsOptions>? configure = null)
    {
        var o = new AlertsOptions
        {
            ExternalUrl = "https://vibecheck.example",
            Notify = new NotifyOptions
            {
                GroupWait = TimeSpan.FromSeconds(30),
                GroupInterval = TimeSpan.FromMinutes(5),
                RepeatInterval = TimeSpan.FromHours(4),
            },
        };
        configure?.Invoke(o);
        return o;
    }

    public static NotificationPlanner Planner(Action<AlertsOptions>? configure = null) => new(Options(configure));

    public static Alert Violation(string camera, string type = "bike_lane_blocked", AlertTier tier = AlertTier.High,
        string episode = "e1", string borough = "Manhattan", double confidence = 0.9, DateTimeOffset? at = null) =>
        ViolationAlerts.From(
            new ViolationEpisodeInfo($"{camera}:{type}:{episode}", camera, $"Broadway @ {camera}", type, "lane-1", borough, confidence, at ?? T0),
            tier,
            at ?? T0);
}
