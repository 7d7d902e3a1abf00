using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Gateway.Live;

/// <summary>Settings of the live updates (<c>Live</c> section).</summary>
public sealed class LiveUpdateOptions
{
    public const string SectionName = "Live";

    /// <summary>
    /// How often the gateway checks that it is still subscribed to every camera-event stream. Subscriptions are kept
    /// in Redis and survive silos; the check is the backstop for a store that was wiped.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
