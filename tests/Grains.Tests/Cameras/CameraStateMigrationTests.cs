using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Orleans.Storage;
using Orleans.TestingHost;
using VibeCheck.Grains.Cameras;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Grains.Tests.Support;
using VibeCheck.Vision;

namespace VibeCheck.Grains.Tests.Cameras;

/// <summary>
/// A camera's state as the code before the split into sections wrote it (<c>Samples/camera-state-2026-12-05.json</c>,
/// written by the silo's own grain-storage serializer, the one the Redis provider uses) reads back into the sections,
/// and is written back in the new layout only.
/// </summary>
[Collection(MemoryClusterCollection.Name)]
public sealed class CameraStateMigrationTests(MemoryClusterFixture fixture)
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Cameras", "Samples", "camera-state-2026-12-05.json");

    private IGrainStorageSerializer Serializer =>
        ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IGrainStorageSerializer>();

    private CameraState Read(BinaryData data)
    {
        var state = Serializer.Deserialize<CameraState>(data);
        Assert.NotNull(state);
        return state;
    }

    [Fact]
    public void The_flat_layout_reads_into_the_sections_with_nothing_left_behind()
    {
        var state = Read(BinaryData.FromString(File.ReadAllText(SamplePath)));

        var enrolment = state.Enrolment;
        Assert.Equal("Broadway @ Houston St", enrolment.Registration?.Name);
        Assert.True(enrolment.Watched);
        Assert.False(enrolment.Removed);
        Assert.Equal(CameraHealth.Frozen, enrolment.Health);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 6, 0, TimeSpan.Zero), enrolment.HealthSince);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 6, 9, TimeSpan.Zero), enrolment.LastCheckedAt);
        Assert.Equal("server answered 503", enrolment.LastError);
        Assert.Equal(1, enrolment.ConsecutiveFailures);

        var sight = state.Sight;
        Assert.Equal($"{104:x64}", sight.LastFrameHash);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 6, 8, TimeSpan.Zero), sight.LastFrameTakenAt);
        Assert.Equal("0123456789abcdef", sight.LastPerceptualHash);
        Assert.Equal((2, 1), (sight.UnchangedPictureStreak, sight.IdenticalFrameStreak));
        Assert.Equal("car", Assert.Single(sight.LastAnalysis!.Detections).Label);
        var zone = Assert.Single(sight.Zones);
        Assert.Equal((ZoneType.BikeLane, 4), (zone.Type, zone.Points.Count));
        Assert.Equal(8, sight.Tracks?.NextId);
        Assert.Equal(7, Assert.Single(sight.Tracks!.Tracks).Id);
        Assert.Single(sight.Episodes.Open);
        Assert.Single(sight.ResolvedEpisodes);
        Assert.Single(sight.ActivityBuckets);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), sight.LastClosedBucketStart);

        var outbox = state.Outbox;
        Assert.Equal(8, outbox.NextReportSequence);
        Assert.Equal([3L, 4, 5, 6, 7], outbox.PendingViolationReports.Select(r => r.Sequence));
        Assert.Equal(ViolationEpisodeStatus.Resolved, outbox.PendingViolationReports[1].Status);
        Assert.Equal(2, outbox.ViolationReportsSent);
        Assert.Single(outbox.PendingActivityReports);
        Assert.Equal(4, outbox.ActivityReportsSent);
        Assert.Equal(2, outbox.HealthChanges);
        Assert.Equal("4f0b3c52-8d5e-4a57-9a0e-2c1f6a7b9d10/health/2", Assert.Single(outbox.PendingEvents).Id);
    }

    [Fact]
    public void Written_back_it_has_only_the_sections_and_reads_the_same()
    {
        var migrated = Read(BinaryData.FromString(File.ReadAllText(SamplePath)));

        var written = Serializer.Serialize(migrated);
        var names = JObject.Parse(written.ToString()).Properties().Select(p => p.Name).Where(n => !n.StartsWith('$'));
        Assert.Equal(["Enrolment", "Sight", "Outbox"], names);

        var reread = Read(written);
        Assert.Equal(Serializer.Serialize(reread).ToString(), written.ToString());
        Assert.Equal(migrated.Enrolment.Registration, reread.Enrolment.Registration);
        Assert.Equal(migrated.Outbox.PendingViolationReports.Select(r => (r.EpisodeId, r.Sequence)), reread.Outbox.PendingViolationReports.Select(r => (r.EpisodeId, r.Sequence)));
        Assert.Equal(migrated.Sight.Episodes.Open.Select(e => e.Id), reread.Sight.Episodes.Open.Select(e => e.Id));
    }
}
