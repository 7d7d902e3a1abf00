namespace VibeCheck.Vision.Rules;

/// <summary>One frame's support for a violation: the object, the zone it is in and the rule's score in [0, 1].</summary>
/// <param name="Type">One of <see cref="ViolationTypes"/>.</param>
/// <param name="Zone">Name of the zone the object stands in.</param>
/// <param name="Box">The offending object's box.</param>
/// <param name="Score">The detection's confidence, the per-frame evidence strength.</param>
/// <param name="Label">The detection's label.</param>
/// <param name="TrackId">The object's track, when the detector tracks: an episode follows its vehicle, not its spot.</param>
public sealed record ViolationCandidate(string Type, string Zone, BoundingBox Box, double Score, string Label, long? TrackId = null);
