namespace VibeCheck.ReplayServer;

/// <summary>What the replay server serves. Section <c>Replay</c>.</summary>
public sealed class ReplayOptions
{
    public const string SectionName = "Replay";

    /// <summary>A camera list in the NYC DOT API's own JSON layout (e.g. ../shared/data/nyc-camera-registry/...json).</summary>
    public string? RegistryPath { get; set; }

    /// <summary>
    /// A folder of recorded JPEGs. Each folder that holds JPEGs is one sequence; a sub-folder named by a camera id
    /// is that camera's own sequence, and other cameras are given one of the sequences by their id.
    /// </summary>
    public string? FramesDirectory { get; set; }

    /// <summary>How often a camera's picture advances, like the real cameras' ~2 s refresh.</summary>
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The host the recorded registry points images at; rewritten to the replay server's own address.</summary>
    public string RecordedImageHost { get; set; } = "webcams.nyctmc.org";

    /// <summary>Image request times kept per camera for <c>GET /_replay/polls</c> (8 bytes each).</summary>
    public int PollHistory { get; set; } = 1024;

    /// <summary>Allows the <c>/_replay</c> fault-injection endpoints (tests and fault scripts).</summary>
    public bool EnableFaultInjection { get; set; } = true;
}
