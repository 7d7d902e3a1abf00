namespace VibeCheck.Grains.Processing;

/// <summary>What a processing request asks of a camera.</summary>
public enum ProcessingAction
{
    /// <summary>Fetch, hash and analyse the latest frame now, as <c>POST /process/camera/{id}</c> does.</summary>
    Process,

    /// <summary>Fit the camera's activity forecasts now on its stored series.</summary>
    Refit,
}
