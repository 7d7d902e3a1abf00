namespace VibeCheck.Alerting;

/// <summary>Masks secrets in descriptions that may reach logs.</summary>
internal static class Redaction
{
    public static string Secret(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "***";

    /// <summary>Keeps scheme, host and port; drops user info, path and query, which often carry tokens.</summary>
    public static string Url(string? url) =>
        string.IsNullOrEmpty(url) ? "(none)"
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/***"
        : "(invalid)";
}
