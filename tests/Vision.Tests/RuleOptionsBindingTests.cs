using Microsoft.Extensions.Configuration;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Vision.Tests;

public sealed class RuleOptionsBindingTests
{
    [Fact]
    public void Configured_label_lists_replace_the_defaults_instead_of_adding_to_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Vision:Rules:VehicleLabels:0"] = "car",
                ["Vision:Rules:BusLabels:0"] = "coach",
                ["Vision:Rules:PersonLabels:0"] = "pedestrian",
            })
            .Build();

        // The silo binds it through IOptions (Integration.Tests: ViolationMonitorRegistrationTests); Get<T> shows the same list rule.
        var options = configuration.GetSection(ViolationRuleOptions.SectionName).Get<ViolationRuleOptions>()!;

        Assert.Equal(["car"], options.EffectiveVehicleLabels);
        Assert.Equal(["coach"], options.EffectiveBusLabels);
        Assert.Equal(["pedestrian"], options.EffectivePersonLabels);
        Assert.Equal(["vehicle", "car", "truck", "bus", "motorcycle"], new ViolationRuleOptions().EffectiveVehicleLabels);
        Assert.Equal(["bus"], new ViolationRuleOptions().EffectiveBusLabels);
        Assert.Equal(["person"], new ViolationRuleOptions().EffectivePersonLabels);
    }
}
