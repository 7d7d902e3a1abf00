using System.Diagnostics.Metrics;
using VibeCheck.Vision;
using VibeCheck.Vision.Coco;

namespace VibeCheck.Grains.Telemetry;

/// <summary>
/// What the COCO detector's cascade did on this silo, exported under <c>vibecheck_detector_*</c>: the share of
/// detector work saved is <c>1 - input_pixels / whole_frame_pixels</c>. Nothing is exported for other detectors.
/// </summary>
public sealed class DetectorMetrics
{
    public const string MeterName = "VibeCheck.Detector";

    public DetectorMetrics(IMeterFactory meterFactory, IFrameAnalyzer analyzer)
    {
        if (analyzer is not CocoFrameAnalyzer coco)
        {
            return;
        }

        var meter = meterFactory.Create(MeterName);
        var counters = coco.Counters;
        meter.CreateObservableCounter("vibecheck.detector.frames", () => counters.Frames, "{frame}", "Frames the COCO detector's cascade planned.");
        meter.CreateObservableCounter(
            "vibecheck.detector.passes",
            () => new[]
            {
                new Measurement<long>(counters.FullFramePasses, new KeyValuePair<string, object?>("kind", "whole_frame")),
                new Measurement<long>(counters.RegionPasses, new KeyValuePair<string, object?>("kind", "region")),
            },
            "{pass}",
            "Detector calls, on a whole frame or on a region.");
        meter.CreateObservableCounter("vibecheck.detector.skipped.frames", () => counters.SkippedFrames, "{frame}", "Frames where nothing moved and nothing was due, so the detector did not run.");
        meter.CreateObservableCounter("vibecheck.detector.input.pixels", () => counters.InputPixels, "{pixel}", "Network input pixels given to the detector.");
        meter.CreateObservableCounter("vibecheck.detector.whole.frame.pixels", () => counters.FullFrameEquivalentPixels, "{pixel}", "Network input pixels the detector would have had on every whole frame.");
    }
}
