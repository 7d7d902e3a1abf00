using VibeCheck.Grains.Cameras;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision;

namespace VibeCheck.Grains.Tests.Cameras;

/// <summary>The edge between the vision library's result and the wire summary the grains cache and answer.</summary>
public sealed class AnalysisMappingTests
{
    [Fact]
    public void A_cached_summary_read_back_for_the_rules_and_written_again_is_unchanged()
    {
        var summary = new FrameAnalysisSummary(
            null, 352, 240, 101.25, 30.5, "0123456789abcdef", 0.125, "coco-centernet/3.0.4+abc",
            [new DetectionSummary("car", 0.912, 150.5, 130, 90, 55, 7, 12.5), new DetectionSummary("person", 0.8, 10, 40, 10, 30)],
            new Dictionary<string, int> { ["lane"] = 1 });

        var analysis = summary.ToFrameAnalysis();
        var again = analysis.ToSummary();

        Assert.Equal(new BoundingBox(150.5, 130, 90, 55), analysis.Detections[0].Box);
        Assert.Equal(7, analysis.Detections[0].TrackId);
        Assert.Equal(
            (summary.Error, summary.Width, summary.Height, summary.MeanBrightness, summary.Contrast, summary.PerceptualHash, summary.ServiceCardLikelihood, summary.Detector),
            (again.Error, again.Width, again.Height, again.MeanBrightness, again.Contrast, again.PerceptualHash, again.ServiceCardLikelihood, again.Detector));
        Assert.Equal(summary.Detections, again.Detections);
        Assert.Equal(summary.ZoneOccupancy, again.ZoneOccupancy);
    }

    [Fact]
    public void A_failed_analysis_stays_failed_and_carries_no_statistics()
    {
        var failed = new FrameAnalysisSummary("corrupt JPEG", 0, 0, 0, 0, null, 0, "coco-centernet", [], new Dictionary<string, int>());

        var analysis = failed.ToFrameAnalysis();

        Assert.Equal("corrupt JPEG", analysis.Error);
        Assert.Null(analysis.Statistics);
    }
}
