using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Gateway.Security;

/// <summary>Request budgets per API key (or client address when no key is sent). Section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Writes a minute per key or client address.</summary>
    [Range(1, 10_000_000)]
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Reads a minute per client address.</summary>
    [Range(1, 100_000_000)]
    public int ReadsPerMinute { get; set; } = 6000;
}
