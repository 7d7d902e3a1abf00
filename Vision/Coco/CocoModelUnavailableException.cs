namespace VibeCheck.Vision.Coco;

/// <summary>The model files are missing or are not the pinned ones.</summary>
public sealed class CocoModelUnavailableException(string message) : Exception(message);
