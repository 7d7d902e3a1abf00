using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Gateway.Http;

/// <summary>Limits on what callers may send. Section <c>Gateway</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Time a grain call may take before the caller gets 504.</summary>
    public TimeSpan GrainCallTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
