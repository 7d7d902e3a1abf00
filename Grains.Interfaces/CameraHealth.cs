namespace VibeCheck.Grains.Interfaces;

/// <summary>What a camera's recent polls say about it.</summary>
[GenerateSerializer, Alias("vibecheck.camera-health")]
public enum CameraHealth
{
    /// <summary>Not polled yet.</summary>
    Unknown,

    /// <summary>Serving fresh pictures.</summary>
    Online,

    /// <summary>Its image could not be fetched several times in a row.</summary>
    Offline,

    /// <summary>The picture stopped changing apart from the burned-in clock.</summary>
    Frozen,

    /// <summary>Showing the DOT's "camera being serviced" card.</summary>
    BeingServiced,
}
