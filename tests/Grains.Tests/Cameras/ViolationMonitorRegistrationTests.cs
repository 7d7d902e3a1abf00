using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Grains.Tests.Cameras;

/// <summary>The rules and episode settings every camera runs come from validated options, bound as the silo binds them.</summary>
public sealed class ViolationMonitorRegistrationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddVibeCheckGrainServices(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Configured_rules_and_episode_settings_reach_the_monitor_the_cameras_share()
    {
        using var services = Services(new()
        {
            ["Vision:Rules:VehicleLabels:0"] = "car",
            ["Vision:Rules:MinStandingSeconds"] = "6",
            ["Vision:Episodes:MinConsecutiveFrames"] = "5",
        });

        var rules = services.GetRequiredService<IOptions<ViolationRuleOptions>>().Value;
        var episodes = services.GetRequiredService<IOptions<EpisodeTrackerOptions>>().Value;

        Assert.Equal(["car"], rules.EffectiveVehicleLabels);
        Assert.Equal(6, rules.MinStandingSeconds);
        Assert.Equal(5, episodes.MinConsecutiveFrames);
        Assert.Same(services.GetRequiredService<ViolationMonitor>(), services.GetRequiredService<ViolationMonitor>());
    }

    [Theory]
    [InlineData("Vision:Rules:MinDetectionConfidence", "1.5", "MinDetectionConfidence")]
    [InlineData("Vision:Rules:MinStandingSeconds", "-1", "MinStandingSeconds")]
    [InlineData("Vision:Rules:MinDetectionConfidence", "abc", "Vision:Rules:MinDetectionConfidence")]
    [InlineData("Vision:Episodes:MinConsecutiveFrames", "0", "MinConsecutiveFrames")]
    public void A_bad_threshold_is_refused_with_its_name(string key, string value, string named)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ViolationMonitor>());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
