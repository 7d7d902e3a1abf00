using System.Text.Json;
using VibeCheck.Alerting;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.Grains.Violations;
using VibeCheck.TestSupport;

namespace VibeCheck.Grains.Tests.Events;

/// <summary>
/// Every event type as it goes on the wire: a CloudEvents 1.0 structured JSON document whose data follows the type's
/// JSON Schema, with ids that come out the same when the same change is derived again.
/// </summary>
public sealed class EventContractTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Camera = Guid.Parse("8a6bc417-4877-4ebe-8052-88c1b261baf1");

    [Fact]
    public void An_episode_life_is_opened_updated_per_tier_then_resolved_with_ids_from_the_transition()
    {
        var episode = Episode();
        var opened = ViolationEvents.Changes("", AlertTier.Low, episode);
        episode.Lifecycle = "open";

        episode.Confidence = episode.Confidence with { Tier = AlertTier.Medium, PeakRobustScore = 0.7 };
        var medium = ViolationEvents.Changes("open", AlertTier.Low, episode);
        episode.Lifecycle = "updated";
        var unchanged = ViolationEvents.Changes("updated", AlertTier.Medium, episode);

        episode.Confidence = episode.Confidence with { Tier = AlertTier.High, PeakRobustScore = 0.9 };
        episode.EndedAt = At.AddMinutes(2);
        var highAndResolved = ViolationEvents.Changes("updated", AlertTier.Medium, episode);
        episode.Lifecycle = "resolved";
        var afterResolution = ViolationEvents.Changes("resolved", AlertTier.High, episode);

        var all = opened.Concat(medium).Concat(unchanged).Concat(highAndResolved).Concat(afterResolution).ToList();
        Assert.Equal(
            [EventTypes.ViolationOpened, EventTypes.ViolationUpdated, EventTypes.ViolationUpdated, EventTypes.ViolationResolved],
            all.Select(e => e.Type));
        Assert.Equal(["e-1/opened", "e-1/updated/medium", "e-1/updated/high", "e-1/resolved"], all.Select(e => e.Id));
        Assert.All(all, e => AssertWire(e, $"/cameras/{Camera}", "e-1"));
        var resolved = JsonDocument.Parse(all[^1].Data).RootElement;
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("high", resolved.GetProperty("tier").GetString());
        Assert.Equal(0.9, resolved.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public void An_alert_fires_escalates_is_acknowledged_and_resolved_once_each_and_fires_anew_with_new_ids()
    {
        var alert = ViolationAlerts.From(
            new ViolationEpisodeInfo("e-1", Camera.ToString(), "5 Ave @ 42 St", "bike_lane_blocked", "lane", "Manhattan", 0.9, At),
            AlertTier.High, At);
        var empty = new AlertingState();
        var firing = empty.Upsert(alert, At);
        var escalated = firing with { Alerts = [firing.Alerts[0] with { HighNotifiedAt = At, EscalatedAt = At.AddMinutes(5) }] };
        var acknowledged = escalated.Acknowledge(alert.Fingerprint, "operator", At.AddMinutes(6))!;
        var resolved = acknowledged.Resolve(alert.Fingerprint, At.AddMinutes(7));
        var again = resolved.Upsert(alert, At.AddMinutes(8));

        var steps = new[]
        {
            AlertEvents.Changes(empty, firing), AlertEvents.Changes(firing, escalated), AlertEvents.Changes(escalated, acknowledged),
            AlertEvents.Changes(acknowledged, resolved), AlertEvents.Changes(resolved, resolved), AlertEvents.Changes(resolved, again),
        };

        var first = At.ToUnixTimeMilliseconds();
        var second = At.AddMinutes(8).ToUnixTimeMilliseconds();
        Assert.Equal(
            [[$"{alert.Fingerprint}/{first}/firing"], [$"{alert.Fingerprint}/{first}/escalated"], [$"{alert.Fingerprint}/{first}/acknowledged"],
             [$"{alert.Fingerprint}/{first}/resolved"], [], [$"{alert.Fingerprint}/{second}/firing"]],
            steps.Select(s => s.Select(e => e.Id).ToArray()).ToArray());
        Assert.Equal(AlertEvents.Changes(escalated, acknowledged), steps[2]);
        var events = steps.SelectMany(s => s).ToList();
        Assert.Equal(
            [EventTypes.AlertFiring, EventTypes.AlertEscalated, EventTypes.AlertAcknowledged, EventTypes.AlertResolved, EventTypes.AlertFiring],
            events.Select(e => e.Type));
        Assert.All(events, e => AssertWire(e, $"/cameras/{Camera}", alert.Fingerprint));
        var acknowledgedData = JsonDocument.Parse(events[2].Data).RootElement;
        Assert.Equal("operator", acknowledgedData.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("e-1", acknowledgedData.GetProperty("episodeId").GetString());
    }

    [Fact]
    public void An_alert_raised_and_resolved_in_one_change_tells_both_and_a_system_alert_comes_from_alerts()
    {
        var redis = SystemAlerts.RedisUnreachable("connection refused", At);
        var changes = AlertEvents.Changes(new AlertingState(), new AlertingState().Upsert(redis, At).Resolve(redis.Fingerprint, At.AddSeconds(30)));

        Assert.Equal([EventTypes.AlertFiring, EventTypes.AlertResolved], changes.Select(e => e.Type));
        Assert.All(changes, e => AssertWire(e, "/alerts", redis.Fingerprint));
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(changes[0].Data).RootElement.GetProperty("cameraId").ValueKind);
    }

    [Fact]
    public void A_camera_health_change_is_numbered_by_the_camera()
    {
        var registration = new CameraRegistration(Camera, "5 Ave @ 42 St", 40.75, -73.98, "Manhattan", true, "http://127.0.0.1/image");
        var change = CameraHealthEvents.Changed(Camera, registration, 7, CameraHealth.Online, CameraHealth.BeingServiced, At, null);

        Assert.Equal($"{Camera}/health/7", change.Id);
        AssertWire(change, $"/cameras/{Camera}", "health");
        var data = JsonDocument.Parse(change.Data).RootElement;
        Assert.Equal("online", data.GetProperty("previous").GetString());
        Assert.Equal("being_serviced", data.GetProperty("current").GetString());
    }

    [Theory]
    [InlineData("violation.schema.json", """{"tier": "urgent"}""", "/tier")]
    [InlineData("violation.schema.json", """{"cameraId": "not-a-uuid"}""", "/cameraId")]
    [InlineData("violation.schema.json", """{"endedAt": null, "status": "resolved"}""", "/endedAt")]
    [InlineData("camera-health.schema.json", """{"current": "broken"}""", "/current")]
    [InlineData("alert.schema.json", """{"startsAt": "yesterday"}""", "/startsAt")]
    public void The_schemas_refuse_data_that_breaks_them(string schema, string change, string where)
    {
        var valid = schema switch
        {
            "violation.schema.json" => ViolationEvents.Changes("", AlertTier.Low, Episode())[0].Data,
            "camera-health.schema.json" => CameraHealthEvents.Changed(Camera, null, 1, CameraHealth.Unknown, CameraHealth.Online, At, null).Data,
            _ => AlertEvents.Changes(new AlertingState(), new AlertingState().Upsert(SystemAlerts.RedisUnreachable("down", At), At))[0].Data,
        };
        var broken = System.Text.Json.Nodes.JsonNode.Parse(valid)!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject().ToList())
        {
            broken[key] = value?.DeepClone();
        }

        Assert.Empty(EventSchemas.Errors(schema, JsonDocument.Parse(valid).RootElement));
        var errors = EventSchemas.Errors(schema, JsonDocument.Parse(broken.ToJsonString()).RootElement);
        Assert.Contains(errors, e => e.StartsWith(where, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_event_type_has_its_schema_file()
    {
        Assert.All(EventTypes.SchemaFiles.Values, f => Assert.True(File.Exists(Path.Combine(EventSchemas.Folder, f)), f));
    }

    /// <summary>The event as the stream holds it: CloudEvents attributes, and data that follows its schema.</summary>
    private static void AssertWire(PendingEvent pending, string source, string subject)
    {
        var json = JsonDocument.Parse(CloudEventMapping.ToJson(CloudEventMapping.ToCloudEvent(pending))).RootElement;
        Assert.Equal("1.0", json.GetProperty("specversion").GetString());
        Assert.Equal(pending.Id, json.GetProperty("id").GetString());
        Assert.Equal(pending.Type, json.GetProperty("type").GetString());
        Assert.Equal(source, json.GetProperty("source").GetString());
        Assert.Equal(subject, json.GetProperty("subject").GetString());
        Assert.Equal(pending.Time, json.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", json.GetProperty("datacontenttype").GetString());
        Assert.Empty(EventSchemas.Errors(EventTypes.SchemaFiles[pending.Type], json.GetProperty("data")));
    }

    private static ViolationState Episode() => new()
    {
        LastSequence = 0,
        EpisodeId = "e-1",
        CameraId = Camera,
        CameraName = "5 Ave @ 42 St",
        Borough = "Manhattan",
        Type = "bike_lane_blocked",
        Zone = "lane",
        Detector = "coco",
        StartedAt = At,
        LastObservedAt = At.AddSeconds(4),
        Confidence = new EpisodeConfidence { RecentScores = [0.55] },
        FrameHashes = ["3f2a", "9bc1"],
    };
}
