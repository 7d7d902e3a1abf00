using Microsoft.Extensions.Configuration;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The vision library's rules and episode tracker as a camera grain runs them, with thresholds from
/// <c>Vision:Rules</c> and <c>Vision:Episodes</c> (the library's documented defaults where unset). Like
/// <see cref="ViolationMonitor"/>, but on the grain's (possibly cached) analysis and with the frame's SHA-256 as
/// evidence, the hash that <c>POST /process</c> and the <c>vision:camera:{id}:frame:{hash}</c> key show.
/// </summary>
public sealed class CameraViolationMonitor(ViolationRuleOptions rules, EpisodeTracker tracker)
{
    /// <summary>Reads the thresholds; invalid episode settings throw, so the first activation fails loudly.</summary>
    public static CameraViolationMonitor Create(IConfiguration configuration)
    {
        var rules = configuration.GetSection(ViolationRuleOptions.SectionName);
        var episodes = configuration.GetSection(EpisodeTrackerOptions.SectionName);
        return new CameraViolationMonitor(
            (rules.Exists() ? rules.Get<ViolationRuleOptions>() : null) ?? new ViolationRuleOptions(),
            new EpisodeTracker(episodes.Exists() ? episodes.Get<EpisodeTrackerOptions>() : null));
    }

    public EpisodeTracker Tracker => tracker;

    /// <summary>One tracker step; a frame that could not be analysed is no evidence either way and changes nothing.</summary>
    public EpisodeStep Step(EpisodeTrackerState state, FrameAnalysisSummary analysis, string frameHash, DateTimeOffset takenAt, IReadOnlyList<Zone> zones)
    {
        if (analysis.Error is not null || analysis.Width == 0)
        {
            return new EpisodeStep(state, [], [], []);
        }

        var candidates = ViolationRules.Evaluate(analysis.ToDetections(), zones, rules);
        return tracker.Step(state, new EpisodeFrame(takenAt, frameHash, analysis.Detector, candidates));
    }
}
