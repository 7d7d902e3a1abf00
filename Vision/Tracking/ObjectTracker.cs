namespace VibeCheck.Vision.Tracking;

/// <summary>
/// Follows objects across one camera's frames by box overlap (or centre distance for objects that moved further
/// than their own size), and tells which stand still and for how long, as Frigate does for its stationary objects.
/// Only what the detector looked at can be confirmed or missed: a track outside every examined region is carried
/// over unchanged. Pure: state in, state out, so it persists with the camera's grain.
/// </summary>
public sealed class ObjectTracker
{
    private readonly ObjectTrackerOptions _options;

    /// <summary>Creates a tracker; throws <see cref="ArgumentException"/> for invalid options so a bad configuration fails at start.</summary>
    public ObjectTracker(ObjectTrackerOptions? options = null)
    {
        _options = options ?? new ObjectTrackerOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ObjectTrackerOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The settings in use.</summary>
    public ObjectTrackerOptions Options => _options;

    /// <summary>
    /// One frame: <paramref name="detections"/> found inside <paramref name="examined"/> (which says whether a box
    /// was looked at). Returns the new state and the frame's objects: each detection with its track id and standing
    /// time, plus the tracks carried over from outside the examined regions.
    /// </summary>
    public TrackerStep Step(TrackerState state, IReadOnlyList<Detection> detections, Func<BoundingBox, bool> examined, DateTimeOffset at)
    {
        var frame = state.Frame + 1;
        var tracks = state.Tracks.Where(t => at - t.LastSeenAt <= _options.MaxUnseen).ToList();
        var pairs = TrackMatching.Pairs(tracks, detections, _options);
        var matchedTracks = new HashSet<int>();
        var matchedDetections = new HashSet<int>();
        var next = new List<TrackedObject>();
        var objects = new List<Detection>();
        var nextId = state.NextId;
        foreach (var (t, d) in pairs)
        {
            if (matchedTracks.Contains(t) || matchedDetections.Contains(d))
            {
                continue;
            }

            matchedTracks.Add(t);
            matchedDetections.Add(d);
            var updated = Confirm(tracks[t], detections[d], at, frame);
            next.Add(updated);
            objects.Add(Describe(detections[d], updated, at));
        }

        for (var t = 0; t < tracks.Count; t++)
        {
            if (matchedTracks.Contains(t))
            {
                continue;
            }

            var track = tracks[t];
            if (!examined(track.Box))
            {
                // Not looked at this frame: nothing moved there, so it still stands where it was.
                next.Add(track);
                objects.Add(Describe(new Detection(track.Label, track.Confidence, track.Box), track, at));
            }
            else if (track.Misses + 1 < _options.MaxMisses)
            {
                next.Add(track with { Misses = track.Misses + 1, LastVerifiedFrame = frame });
            }
        }

        for (var d = 0; d < detections.Count; d++)
        {
            if (matchedDetections.Contains(d))
            {
                continue;
            }

            var detection = detections[d];
            var track = new TrackedObject(nextId++, detection.Label, detection.Confidence, detection.Box, at, at, detection.Box, at, 1, 0, frame);
            next.Add(track);
            objects.Add(Describe(detection, track, at));
        }

        return new TrackerStep(new TrackerState { NextId = nextId, Frame = frame, Tracks = next }, objects);
    }

    private TrackedObject Confirm(TrackedObject track, Detection detection, DateTimeOffset at, long frame)
    {
        // Still when it is where it was last frame (detector jitter aside) and has not crept away from where it stopped.
        var stood = BoxGeometry.IoU(track.Box, detection.Box) >= _options.StandingIoU
            && BoxGeometry.IoU(track.Anchor, detection.Box) >= _options.CreepIoU;
        // A class flicker (car/truck) keeps the track's label unless the new class is clearly surer.
        var label = detection.Label == track.Label || detection.Confidence > track.Confidence + 0.1 ? detection.Label : track.Label;
        return track with
        {
            Label = label,
            Confidence = detection.Confidence,
            Box = detection.Box,
            LastSeenAt = at,
            Anchor = stood ? track.Anchor : detection.Box,
            AnchoredAt = stood ? track.AnchoredAt : at,
            Hits = track.Hits + 1,
            Misses = 0,
            LastVerifiedFrame = frame,
        };
    }

    private static Detection Describe(Detection detection, TrackedObject track, DateTimeOffset at) =>
        detection with { Label = track.Label, TrackId = track.Id, StandingSeconds = Math.Round(track.StandingFor(at).TotalSeconds, 1) };
}
