namespace VibeCheck.Cameras;

/// <summary>The camera list answer is not the JSON array the API documents.</summary>
public sealed class RegistryFormatException(string message, Exception? inner = null) : Exception(message, inner);
