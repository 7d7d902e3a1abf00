using Microsoft.Extensions.Configuration;
using VibeCheck.Configuration;
using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Tests.Coco;

public sealed class CocoOptionsBindingTests
{
    [Fact]
    public void Configured_labels_replace_the_default_road_users_instead_of_adding_to_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Vision:Coco:Labels:0"] = "car" })
            .Build();
        var options = new FrameAnalyzerOptions();

        // As the silo binds it (Silo/FrameAnalyzerRegistration).
        OptionsBinding.Bind(configuration.GetSection(FrameAnalyzerOptions.SectionName), options, "");

        Assert.Equal(["car"], options.Coco.EffectiveLabels);
        Assert.Equal(["person", "bicycle", "car", "motorcycle", "bus", "truck"], new CocoDetectorOptions().EffectiveLabels);
    }
}
