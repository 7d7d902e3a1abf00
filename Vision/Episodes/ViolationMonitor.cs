using VibeCheck.Vision.Rules;

namespace VibeCheck.Vision.Episodes;

/// <summary>
/// What a camera grain calls after each analysed frame: rules on the frame's detections, then one tracker step.
/// Stateless and thread-safe: the state lives with the caller (<see cref="EpisodeTrackerState"/>).
/// </summary>
public sealed class ViolationMonitor(ViolationRuleOptions? rules = null, EpisodeTrackerOptions? episodes = null)
{
    private readonly ViolationRuleOptions _rules = rules ?? new ViolationRuleOptions();
    private readonly EpisodeTracker _tracker = new(episodes);

    /// <summary>The tracker, for <see cref="EpisodeTracker.Expire"/> from a timer.</summary>
    public EpisodeTracker Tracker => _tracker;

    /// <summary>
    /// Steps the tracker with one frame's analysis. A failed analysis (bad JPEG) is no evidence either way and leaves
    /// the state unchanged; open episodes still end by time on the next good frame or through <see cref="EpisodeTracker.Expire"/>.
    /// </summary>
    public EpisodeStep Process(EpisodeTrackerState state, FrameAnalysis analysis, DateTimeOffset takenAt, IReadOnlyList<Zone> zones)
    {
        if (analysis.Error is not null || analysis.Statistics is null)
        {
            return new EpisodeStep(state, [], [], []);
        }

        var candidates = ViolationRules.Evaluate(analysis.Detections, zones, _rules);
        return _tracker.Step(state, new EpisodeFrame(takenAt, analysis.Statistics.PerceptualHash, analysis.Detector, candidates));
    }
}
