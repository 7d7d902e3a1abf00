using System.Globalization;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Vision.Episodes;

/// <summary>
/// Turns per-frame violation candidates into episodes, like Frigate's review items: a candidate becomes an episode
/// after N consecutive supporting frames, the episode is updated while evidence continues (a stationary vehicle
/// keeps matching its own box, so it keeps one episode) and ends once no frame has supported it for the cutoff.
/// Pure: state in, state out, time only from the frames, so it can live in grain state and be replayed in tests.
/// </summary>
public sealed class EpisodeTracker
{
    private readonly EpisodeTrackerOptions _options;

    /// <summary>Creates a tracker; throws <see cref="ArgumentException"/> for invalid options so a bad configuration fails at start.</summary>
    public EpisodeTracker(EpisodeTrackerOptions? options = null)
    {
        _options = options ?? new EpisodeTrackerOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid EpisodeTrackerOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The thresholds in use.</summary>
    public EpisodeTrackerOptions Options => _options;

    /// <summary>Advances the tracker by one analysed frame. Frames not newer than the last one are ignored.</summary>
    public EpisodeStep Step(EpisodeTrackerState state, EpisodeFrame frame)
    {
        if (state.LastFrameAt is { } last && frame.At <= last)
        {
            return new EpisodeStep(state, [], [], []);
        }

        var unclaimed = frame.Candidates.ToList();
        var open = new List<ViolationEpisode>();
        var updated = new List<ViolationEpisode>();
        var resolved = new List<ViolationEpisode>();
        foreach (var episode in state.Open)
        {
            if (Claim(episode, unclaimed) is { } candidate)
            {
                var next = Support(episode, candidate, frame);
                open.Add(next);
                updated.Add(next);
            }
            else if (frame.At - episode.LastSeenAt > _options.EndCutoff)
            {
                resolved.Add(episode with { Status = EpisodeStatus.Resolved, EndedAt = episode.LastSeenAt });
            }
            else
            {
                open.Add(Observe(episode));
            }
        }

        var sequence = state.NextSequence;
        var pending = new List<ViolationEpisode>();
        var opened = new List<ViolationEpisode>();
        var gapBroken = state.LastFrameAt is { } previous && frame.At - previous > _options.MaxFrameGap;
        foreach (var candidateEpisode in gapBroken ? [] : state.Pending)
        {
            // Pending candidates need consecutive frames: a frame without support drops them.
            if (Claim(candidateEpisode, unclaimed) is { } candidate)
            {
                Promote(Support(candidateEpisode, candidate, frame));
            }
        }

        foreach (var candidate in unclaimed)
        {
            var fresh = Support(
                new ViolationEpisode { Id = "", Type = candidate.Type, Zone = candidate.Zone, StartedAt = frame.At, Detector = frame.Detector },
                candidate,
                frame);
            Promote(fresh);
        }

        var nextState = state with
        {
            NextSequence = sequence,
            LastFrameAt = frame.At,
            Pending = pending,
            Open = open,
        };
        return new EpisodeStep(nextState, opened, updated, resolved);

        void Promote(ViolationEpisode candidateEpisode)
        {
            if (candidateEpisode.SupportingFrames < _options.FramesToOpen(candidateEpisode.Type))
            {
                pending.Add(candidateEpisode);
                return;
            }

            sequence++;
            var episode = candidateEpisode with
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{candidateEpisode.Type}/{candidateEpisode.Zone}/{candidateEpisode.StartedAt.UtcDateTime:yyyyMMddTHHmmssZ}/{sequence}"),
                Status = EpisodeStatus.Open,
            };
            open.Add(episode);
            opened.Add(episode);
            updated.Add(episode);
        }
    }

    /// <summary>
    /// Resolves open episodes whose last evidence is older than the cutoff at <paramref name="now"/>: for a grain
    /// timer when a camera stops delivering frames. Pending candidates are dropped.
    /// </summary>
    public EpisodeStep Expire(EpisodeTrackerState state, DateTimeOffset now)
    {
        var resolved = state.Open.Where(e => now - e.LastSeenAt > _options.EndCutoff)
            .Select(e => e with { Status = EpisodeStatus.Resolved, EndedAt = e.LastSeenAt })
            .ToList();
        if (resolved.Count == 0)
        {
            return new EpisodeStep(state, [], [], []);
        }

        var open = state.Open.Where(e => now - e.LastSeenAt <= _options.EndCutoff).ToList();
        return new EpisodeStep(state with { Open = open, Pending = [] }, [], [], resolved);
    }

    private ViolationCandidate? Claim(ViolationEpisode episode, List<ViolationCandidate> unclaimed)
    {
        var zoneMatched = _options.ZoneMatchedTypes.Contains(episode.Type);
        ViolationCandidate? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var candidate in unclaimed)
        {
            if (candidate.Type != episode.Type || candidate.Zone != episode.Zone)
            {
                continue;
            }

            var overlap = BoxGeometry.IoU(candidate.Box, episode.LastBox);
            var tracked = !zoneMatched && episode.TrackId is not null && candidate.TrackId is not null;
            if (tracked && episode.TrackId != candidate.TrackId)
            {
                // Another vehicle where the episode's vehicle stood is another episode, however well the boxes overlap.
                continue;
            }

            // Its own vehicle continues an episode wherever the tracker followed it; otherwise the boxes must overlap.
            var score = zoneMatched ? candidate.Score : tracked ? 1 + overlap : overlap;
            if ((zoneMatched || tracked || overlap >= _options.MatchIoU) && score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            unclaimed.Remove(best);
        }

        return best;
    }

    private ViolationEpisode Support(ViolationEpisode episode, ViolationCandidate candidate, EpisodeFrame frame)
    {
        var scores = episode.RecentScores.Append(candidate.Score).TakeLast(_options.ScoreWindow).ToList();
        var supporting = episode.SupportingFrames + 1;
        var observed = episode.FramesObserved + episode.FramesSinceSupport + 1;
        return episode with
        {
            FramesSinceSupport = 0,
            LastSeenAt = frame.At,
            LastBox = candidate.Box,
            TrackId = candidate.TrackId ?? episode.TrackId,
            SupportingFrames = supporting,
            FramesObserved = observed,
            RecentScores = scores,
            Detector = frame.Detector,
            Evidence = KeepEvidence(episode.Evidence, new EpisodeEvidence(frame.At, frame.FrameHash, candidate.Box, candidate.Score)),
            Confidence = EpisodeConfidenceScore.Compute(scores, supporting, observed, _options.FramesToOpen(episode.Type)),
        };
    }

    // Frames without support count against the episode only once support resumes, so a resolved episode keeps the
    // confidence it had at its last evidence instead of being diluted by the cutoff wait.
    private static ViolationEpisode Observe(ViolationEpisode episode) =>
        episode with { FramesSinceSupport = episode.FramesSinceSupport + 1 };

    // The first frames show how the episode began, the latest what it looks like now; the middle is dropped.
    private List<EpisodeEvidence> KeepEvidence(IReadOnlyList<EpisodeEvidence> evidence, EpisodeEvidence added)
    {
        var all = evidence.Append(added).ToList();
        if (all.Count <= _options.MaxEvidence)
        {
            return all;
        }

        var head = _options.MaxEvidence / 3;
        return [.. all.Take(head), .. all.TakeLast(_options.MaxEvidence - head)];
    }
}
