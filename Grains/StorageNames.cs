namespace VibeCheck.Grains;

/// <summary>Grain storage providers the grains use; the silo registers each against Redis.</summary>
public static class StorageNames
{
    public const string Cameras = "cameras";
    public const string Registry = "registry";
    public const string Forecasts = "forecasts";
}
