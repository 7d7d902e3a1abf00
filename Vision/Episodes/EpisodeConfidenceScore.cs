namespace VibeCheck.Vision.Episodes;

/// <summary>
/// Episode confidence, in [0, 1]:
/// <c>median(last scores) × k / (k + N/2) × k / frames observed</c>, where k is the number of supporting frames and N
/// the frames needed to open. The median ignores single bad detections; the persistence term is 0.67 when the episode
/// just opened (k = N), 0.8 at 2N, 0.89 at 4N; the last term discounts flickering evidence. A steady 0.9 detection
/// therefore reaches the 0.6 alert tier on opening and the 0.8 tier after ~4N frames.
/// </summary>
public static class EpisodeConfidenceScore
{
    /// <summary>The confidence of an episode with these figures.</summary>
    public static double Compute(IReadOnlyList<double> recentScores, int supportingFrames, int framesObserved, int framesToOpen)
    {
        if (recentScores.Count == 0 || supportingFrames <= 0)
        {
            return 0;
        }

        var sorted = recentScores.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        var persistence = supportingFrames / (supportingFrames + (framesToOpen / 2.0));
        var hitRate = supportingFrames / (double)Math.Max(framesObserved, supportingFrames);
        return Math.Round(Math.Clamp(median * persistence * hitRate, 0, 1), 3);
    }
}
