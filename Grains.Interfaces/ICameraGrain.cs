namespace VibeCheck.Grains.Interfaces;

/// <summary>One NYC DOT camera, keyed by its UUID: polls, hashes and analyses its frames.</summary>
[Alias("vibecheck.ICameraGrain")]
public interface ICameraGrain : IGrainWithGuidKey
{
    /// <summary>Called by the registry on every sync that adds or changes the camera.</summary>
    [Alias("Register")]
    Task Register(CameraRegistration registration, bool watched);

    /// <summary>Called by the registry when the camera left the list: polling stops, history stays.</summary>
    [Alias("Unregister")]
    Task Unregister();

    /// <summary>Fetches and analyses the latest frame unless a fresh one was processed within the camera's refresh period.</summary>
    [Alias("ProcessNow")]
    Task<ProcessResult> ProcessNow();

    [Alias("GetSnapshot")]
    Task<CameraSnapshot> GetSnapshot();
}
