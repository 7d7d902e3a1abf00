using Newtonsoft.Json;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

/// <summary>The grain persists state with Newtonsoft.Json; a round trip must change no decision.</summary>
public sealed class StatePersistenceTests
{
    public static TheoryData<TypeNameHandling> Settings => [TypeNameHandling.None, TypeNameHandling.Auto];

    [Theory]
    [MemberData(nameof(Settings))]
    public void State_and_outbox_survive_a_json_round_trip(TypeNameHandling handling)
    {
        var settings = new JsonSerializerSettings { TypeNameHandling = handling };
        var planner = Make.Planner();
        var state = new AlertingState { KnownCameraCount = 10 }
            .AddSilence(new Silence { Id = "s1", Matchers = [new LabelMatcher("borough", "Bronx")], StartsAt = Make.T0, EndsAt = Make.T0.AddHours(1) })
            .Upsert(Make.Violation("cam1"), Make.T0)
            .Upsert(Make.Violation("cam2", borough: "Bronx"), Make.T0);
        var plan = planner.Plan(planner.Plan(state, Make.T0).State, Make.T0.AddSeconds(30));
        var outbox = new Outbox().Enqueue(plan.Notifications, Make.T0.AddSeconds(30));
        var confidence = new TierPolicy(new TierOptions()).Observe(new EpisodeConfidence(), 0.7);

        var state2 = RoundTrip(plan.State, settings);
        var outbox2 = RoundTrip(outbox, settings);
        var confidence2 = RoundTrip(confidence, settings);

        Assert.Equal(JsonConvert.SerializeObject(plan.State), JsonConvert.SerializeObject(state2));
        Assert.Equal(JsonConvert.SerializeObject(outbox), JsonConvert.SerializeObject(outbox2));
        Assert.Equal(confidence.RecentScores, confidence2.RecentScores);
        Assert.Equal(outbox.Pending.Select(p => p.IdempotencyKey), outbox2.Pending.Select(p => p.IdempotencyKey));

        var later = Make.T0.AddMinutes(6);
        var a = planner.Plan(plan.State.Resolve(plan.State.Alerts[0].Fingerprint, later), later);
        var b = planner.Plan(state2.Resolve(state2.Alerts[0].Fingerprint, later), later);
        Assert.Equal(JsonConvert.SerializeObject(a), JsonConvert.SerializeObject(b));
        Assert.NotEmpty(a.Notifications);
    }

    private static T RoundTrip<T>(T value, JsonSerializerSettings settings) =>
        JsonConvert.DeserializeObject<T>(JsonConvert.SerializeObject(value, settings), settings)!;
}
