using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VibeCheck.ReplayServer;

namespace VibeCheck.Cameras.Tests;

/// <summary>The replay server's per-camera request times, which the scale benchmark reads to measure how long cameras stop.</summary>
public sealed class ReplayPollLogTests(ReplayServerFixture replay) : IClassFixture<ReplayServerFixture>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0xFF, 0xD9];
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static (PollLog Log, FakeTimeProvider Clock) NewLog(int history = 1024)
    {
        var clock = new FakeTimeProvider(Start);
        return (new PollLog(clock, Options.Create(new ReplayOptions { PollHistory = history })), clock);
    }

    private static void RequestEvery(PollLog log, FakeTimeProvider clock, Guid camera, TimeSpan interval, int count)
    {
        for (var i = 0; i < count; i++)
        {
            log.Record(camera);
            clock.Advance(interval);
        }
    }

    [Fact]
    public void Reports_the_longest_gap_including_the_one_spanning_the_moment_asked_about()
    {
        var (log, clock) = NewLog();
        var camera = Guid.NewGuid();
        RequestEvery(log, clock, camera, TimeSpan.FromSeconds(10), 5); // 12:00:00 .. 12:00:40, clock now 12:00:50
        var killedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(25));                       // silent until 12:01:15
        RequestEvery(log, clock, camera, TimeSpan.FromSeconds(10), 3); // 12:01:15, :25, :35; clock now 12:01:45

        var polls = Assert.Single(log.Since(killedAt));

        Assert.Equal(3, polls.Requests);
        Assert.Equal(35_000, polls.LongestGapMs); // 12:00:40 -> 12:01:15
        Assert.Equal(Start.AddSeconds(95), polls.LastRequestAt);
        Assert.Equal(10_000, polls.OpenGapMs);
        Assert.False(polls.Truncated);
    }

    [Fact]
    public void A_camera_that_stopped_for_good_shows_its_open_gap()
    {
        var (log, clock) = NewLog();
        var camera = Guid.NewGuid();
        RequestEvery(log, clock, camera, TimeSpan.FromSeconds(10), 3);
        var since = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(3));

        var polls = Assert.Single(log.Since(since));

        Assert.Equal(0, polls.Requests);
        Assert.Equal(0, polls.LongestGapMs);
        Assert.Equal(Start.AddSeconds(20), polls.LastRequestAt);
        Assert.Equal(190_000, polls.OpenGapMs);
    }

    [Fact]
    public void Keeps_a_bounded_history_and_says_when_it_no_longer_reaches_back()
    {
        var (log, clock) = NewLog(history: 4);
        var camera = Guid.NewGuid();
        RequestEvery(log, clock, camera, TimeSpan.FromSeconds(1), 3);
        clock.Advance(TimeSpan.FromSeconds(60));
        RequestEvery(log, clock, camera, TimeSpan.FromSeconds(1), 10);

        var all = Assert.Single(log.Since(Start));
        var recent = Assert.Single(log.Since(clock.GetUtcNow().AddSeconds(-3)));

        Assert.Equal(4, all.Requests);        // only the last 4 are kept
        Assert.Equal(1_000, all.LongestGapMs); // the 60 s gap fell out of the history
        Assert.True(all.Truncated);
        Assert.Equal(3, recent.Requests);
        Assert.False(recent.Truncated);
    }

    [Fact]
    public async Task Serves_each_cameras_requests_since_a_unix_time_over_http()
    {
        var camera = Guid.NewGuid();
        var other = Guid.NewGuid();
        replay.Scenario.SetFrames(camera, [Jpeg]);
        replay.Scenario.SetFrames(other, [Jpeg]);
        using var http = new HttpClient { BaseAddress = replay.BaseUrl };
        var before = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds();
        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync($"/api/cameras/{camera}/image")).EnsureSuccessStatusCode();
        }

        (await http.GetAsync($"/api/cameras/{other}/image")).EnsureSuccessStatusCode();

        var report = await http.GetFromJsonAsync<PollsReport>($"/_replay/polls?since={before}");

        Assert.NotNull(report);
        Assert.Equal(before, report.Since.ToUnixTimeMilliseconds());
        Assert.InRange(report.Now, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var mine = Assert.Single(report.Cameras, c => c.CameraId == camera);
        Assert.Equal(3, mine.Requests);
        Assert.InRange(mine.LastRequestAt, report.Now.AddMinutes(-1), report.Now);
        Assert.Equal(1, Assert.Single(report.Cameras, c => c.CameraId == other).Requests);
    }
}
