using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.ReplayServer;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Events;

/// <summary>
/// Events out on a two-silo cluster over real Redis: an episode's whole life and its alert, an acknowledgement and a
/// camera's health changes reach the stream as CloudEvents, in order, once each, with ids from the change and data
/// that follows the schemas.
/// </summary>
public sealed class EventStreamTests(EventsClusterFixture fixture, ITestOutputHelper output) : IClassFixture<EventsClusterFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private VibeCheckCluster System => fixture.System;

    [Fact]
    public async Task An_episode_life_and_its_alert_arrive_in_order_once_each_with_ids_from_the_change()
    {
        var camera = Guid.NewGuid();
        var episode = $"{camera:N}:bike_lane_blocked:lane:{Guid.NewGuid():N}";
        var grain = System.Grains.GetGrain<IViolationGrain>(episode);
        // LOW until three scores, then MEDIUM (median 0.7), then HIGH once the median passes 0.8, then it ends.
        double[] scores = [0.7, 0.7, 0.7, 0.95, 0.95, 0.95];
        for (var n = 0; n < scores.Length; n++)
        {
            await grain.Report(EpisodeReports.Of(episode, camera, "bike_lane_blocked", n, scores[n], resolved: false));
        }

        var end = EpisodeReports.Of(episode, camera, "bike_lane_blocked", scores.Length, 0.95, resolved: true);
        await grain.Report(end);
        // The camera repeats a report whose acknowledgement it did not see: nothing new may come of it.
        await grain.Report(end);

        // Report returns once its events are in the stream: no waiting.
        var events = (await PublishedEvents.ReadAsync(System.Redis, fixture.Stream)).Where(e => e.Source == $"/cameras/{camera}").ToList();
        foreach (var e in events)
        {
            output.WriteLine($"{e.EntryId} {e.Type} {e.Id}");
        }

        var episodeEvents = events.Where(e => e.Subject == episode).ToList();
        Assert.Equal(
            [EventTypes.ViolationOpened, EventTypes.ViolationUpdated, EventTypes.ViolationUpdated, EventTypes.ViolationResolved],
            episodeEvents.Select(e => e.Type));
        Assert.Equal([$"{episode}/opened", $"{episode}/updated/medium", $"{episode}/updated/high", $"{episode}/resolved"], episodeEvents.Select(e => e.Id));
        Assert.Equal(["low", "medium", "high", "high"], episodeEvents.Select(e => e.Data.GetProperty("tier").GetString()));

        var alertEvents = events.Where(e => e.Type.StartsWith("org.vibecheck.alert.", StringComparison.Ordinal)).ToList();
        Assert.Equal([EventTypes.AlertFiring, EventTypes.AlertResolved], alertEvents.Select(e => e.Type));
        Assert.All(alertEvents, e => Assert.Equal(episode, e.Data.GetProperty("episodeId").GetString()));
        // Each alert event follows the episode change that caused it.
        Assert.True(
            events.IndexOf(alertEvents[0]) == events.IndexOf(episodeEvents[1]) + 1 && events.IndexOf(alertEvents[1]) == events.IndexOf(episodeEvents[3]) + 1,
            "the alert fires right after the MEDIUM update and resolves right after the episode");

        var alertId = alertEvents[0].Subject;
        await System.Grains.GetGrain<IAlertGrain>(IAlertGrain.Key).Acknowledge(alertId, "operator-7");
        await System.Grains.GetGrain<IAlertGrain>(IAlertGrain.Key).Acknowledge(alertId, "operator-7");

        var all = (await PublishedEvents.ReadAsync(System.Redis, fixture.Stream)).Where(e => e.Source == $"/cameras/{camera}").ToList();
        var acknowledged = Assert.Single(all, e => e.Type == EventTypes.AlertAcknowledged);
        Assert.Equal("operator-7", acknowledged.Data.GetProperty("acknowledgedBy").GetString());
        Assert.Equal($"{alertId}/{alertEvents[0].Data.GetProperty("startsAt").GetDateTimeOffset().ToUnixTimeMilliseconds()}/acknowledged", acknowledged.Id);
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());
        Assert.All(all, e => Assert.Empty(PublishedEvents.SchemaErrors(e)));
    }

    [Fact]
    public async Task A_camera_health_change_is_published_once_each_numbered_by_the_camera()
    {
        var camera = System.Cameras[0];
        var grain = System.Grains.GetGrain<ICameraGrain>(camera);
        await grain.ProcessNow();
        System.Replay.SetFault(camera, CameraFault.ServerError);
        try
        {
            // Offline after three failed fetches in a row; each poll after the refresh period, so it really fetches.
            for (var n = 0; n < 3; n++)
            {
                await Task.Delay(350);
                await grain.ProcessNow();
            }

            Assert.Equal(CameraHealth.Offline, (await grain.GetSnapshot()).Health);
            var events = await PublishedEvents.WaitForAsync(
                System.Redis, fixture.Stream,
                all => all.Any(e => e.Type == EventTypes.CameraHealthChanged && e.Source == $"/cameras/{camera}" && e.Data.GetProperty("current").GetString() == "offline"),
                Bound, "the camera's offline event");

            var health = events.Where(e => e.Source == $"/cameras/{camera}" && e.Type == EventTypes.CameraHealthChanged).ToList();
            Assert.Equal([$"{camera}/health/1", $"{camera}/health/2"], health.Select(e => e.Id));
            Assert.Equal(["unknown>online", "online>offline"], health.Select(e => $"{e.Data.GetProperty("previous")}>{e.Data.GetProperty("current")}"));
            Assert.All(health, e => Assert.Equal("health", e.Subject));
            Assert.All(health, e => Assert.Empty(PublishedEvents.SchemaErrors(e)));
            Assert.Contains("500", health[1].Data.GetProperty("lastError").GetString() ?? "", StringComparison.Ordinal);
        }
        finally
        {
            System.Replay.SetFault(camera, CameraFault.None);
        }
    }
}
