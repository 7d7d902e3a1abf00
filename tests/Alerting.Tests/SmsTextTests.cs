using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

public sealed class SmsTextTests
{
    private static Notification Notify(Alert alert, NotificationKind kind = NotificationKind.Group) =>
        new NotificationPlanner(Make.Options()).SendNow(new AlertingState(), alert, Make.T0).Notifications[0] with { Kind = kind };

    private static Alert Named(string cameraName, double confidence = 0.91) =>
        ViolationAlerts.From(
            new ViolationEpisodeInfo("e", "3f2c9a4e-1b7d-4c55-9e0a-6f1d2b3c4d5e", cameraName, "bike_lane_blocked", "lane-1", "Manhattan", confidence, Make.T0),
            AlertTier.High,
            Make.T0);

    [Fact]
    public void Names_tier_violation_place_confidence_and_link()
    {
        var alert = Named("Broadway @ W 42 St");

        var text = SmsText.Compose(Notify(alert));

        Assert.Equal($"VibeCheck HIGH: bike_lane_blocked at Broadway @ W 42 St, conf 0.91 https://vibecheck.example/alerts/{alert.Fingerprint}", text);
    }

    [Fact]
    public void Escalations_and_resolutions_say_so()
    {
        var alert = Named("Broadway @ W 42 St");

        Assert.StartsWith("VibeCheck ESCALATED HIGH: ", SmsText.Compose(Notify(alert, NotificationKind.Escalation)), StringComparison.Ordinal);
        Assert.StartsWith("VibeCheck RESOLVED HIGH: ", SmsText.Compose(Notify(alert with { EndsAt = Make.T0.AddMinutes(1) })), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_place_with_characters_outside_gsm7_is_shortened_and_transliterated_keeping_the_link_whole()
    {
        var alert = Named("Grand Concourse – E 161 St “Yankee Stadium” café, northbound service road near the Bronx County Courthouse ✓");

        var text = SmsText.Compose(Notify(alert));

        Assert.True(Gsm7.IsGsm7(text), text);
        Assert.InRange(Gsm7.Septets(text), 150, Gsm7.SegmentSeptets);
        Assert.StartsWith("VibeCheck HIGH: bike_lane_blocked at Grand Concourse - E 161 St \"Yankee Stadium\" café", text, StringComparison.Ordinal);
        Assert.EndsWith($", conf 0.91 https://vibecheck.example/alerts/{alert.Fingerprint}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gsm7_keeps_its_alphabet_counts_extension_characters_twice_and_replaces_the_rest()
    {
        Assert.Equal("Café - \"Sq\" ... 'x' o ?", Gsm7.From("Café – “Sq” … ‘x’ ô ✓"));
        Assert.Equal("Ñandù £5 €3 [a] u", Gsm7.From("Ñandù £5 €3 [a] ú"));
        Assert.Equal(18, Gsm7.Septets("Ñandù £5 €3 [a]"));
        Assert.Equal("a?b?", Gsm7.From("a😀b\ud800"));
        Assert.Equal("ab{", Gsm7.Truncate("ab{}", 4));
    }

    [Property(MaxTest = 200, Replay = "(20261205,1931)")]
    public Property Any_camera_name_gives_one_gsm7_segment_ending_with_the_link() =>
        Prop.ForAll(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).ToArbitrary(), name =>
        {
            var alert = Named(name);

            var text = SmsText.Compose(Notify(alert));

            return Gsm7.IsGsm7(text) && Gsm7.Septets(text) <= Gsm7.SegmentSeptets
                && text.EndsWith($"https://vibecheck.example/alerts/{alert.Fingerprint}", StringComparison.Ordinal)
                && text.Contains("bike_lane_blocked", StringComparison.Ordinal);
        });
}
