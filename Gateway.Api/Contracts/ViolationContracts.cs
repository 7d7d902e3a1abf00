using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Gateway.Contracts;

/// <summary>
/// <c>GET /cameras/{id}/violations</c>: the camera's episodes (open first, then recently resolved, newest first) and
/// its hand-offs still waiting for their receiving grain.
/// </summary>
public sealed record ViolationListResponse(
    Guid CameraId,
    int Count,
    IReadOnlyList<ViolationEpisodeResponse> Episodes,
    int PendingViolationReports,
    int PendingActivityReports,
    DateTimeOffset? CurrentBucketStart,
    int CurrentBucketFrames);

/// <summary>
/// One violation episode. <c>confidence</c> in [0, 1] (median of recent frame scores × persistence × hit rate; see
/// Vision/README.md); <c>status</c> open or resolved; <c>endedAt</c> null while open.
/// </summary>
public sealed record ViolationEpisodeResponse(
    string Id,
    string Type,
    string Zone,
    double Confidence,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ViolationEvidenceResponse Evidence)
{
    public static ViolationEpisodeResponse From(ViolationEpisodeReport r) => new(
        r.EpisodeId, r.Type, r.Zone, r.Confidence, r.Status == ViolationEpisodeStatus.Resolved ? "resolved" : "open", r.StartedAt, r.EndedAt,
        new ViolationEvidenceResponse(r.Detector, r.FrameHashes, r.Boxes.Select(b => new BoxResponse(b.X, b.Y, b.Width, b.Height)).ToList()));
}

/// <summary>What an episode rests on: the detector, the frames' perceptual hashes and the offending object's boxes (first and latest frames).</summary>
public sealed record ViolationEvidenceResponse(string Detector, IReadOnlyList<string> FrameHashes, IReadOnlyList<BoxResponse> Boxes);
