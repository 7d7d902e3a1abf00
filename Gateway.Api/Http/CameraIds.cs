namespace VibeCheck.Gateway.Http;

/// <summary>Camera ids arrive as route text and are checked before any grain is touched.</summary>
public static class CameraIds
{
    public static bool TryParse(string? text, out Guid id) =>
        Guid.TryParseExact(text, "D", out id);
}
