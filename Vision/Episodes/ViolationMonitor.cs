using VibeCheck.Vision.Rules;

namespace VibeCheck.Vision.Episodes;

/// <summary>
/// What a camera grain calls after each analysed frame: rules on the frame's detections, then one tracker step.
/// Stateless and thread-safe: the state lives with the caller (<see cref="EpisodeTrackerState"/>).
/// </summary>
public sealed class ViolationMonitor
{
    private readonly ViolationRuleOptions _rules;
    private readonly EpisodeTracker _tracker;

    /// <summary>The rules and the tracker with these settings (defaults where null); invalid settings throw <see cref="ArgumentException"/>.</summary>
    public ViolationMonitor(ViolationRuleOptions? rules = null, EpisodeTrackerOptions? episodes = null)
    {
        _rules = rules ?? new ViolationRuleOptions();
        var errors = _rules.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ViolationRuleOptions: " + string.Join(" ", errors), nameof(rules));
        }

        _tracker = new EpisodeTracker(episodes);
    }

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

        return Process(state, analysis.Detections, analysis.Statistics.PerceptualHash, analysis.Detector, takenAt, zones);
    }

    /// <summary>
    /// Steps the tracker with one frame's detections; <paramref name="frameId"/> is the frame's evidence (a camera
    /// grain gives the JPEG's SHA-256, the hash its API and cache keys show).
    /// </summary>
    public EpisodeStep Process(
        EpisodeTrackerState state, IReadOnlyList<Detection> detections, string frameId, string detector, DateTimeOffset takenAt, IReadOnlyList<Zone> zones)
    {
        var candidates = ViolationRules.Evaluate(detections, zones, _rules);
        return _tracker.Step(state, new EpisodeFrame(takenAt, frameId, detector, candidates));
    }
}
