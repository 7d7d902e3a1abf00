namespace VibeCheck.Grains.Events;

/// <summary>The Redis stream events go to (<c>Events:Redis</c>).</summary>
public sealed class RedisEventStreamOptions
{
    /// <summary>Default of <see cref="MaxLength"/>: about a day of a busy city at a few events a second.</summary>
    public const int DefaultMaxLength = 100_000;

    /// <summary>The stream; each entry's field <c>event</c> holds one CloudEvent's JSON.</summary>
    public string StreamName { get; set; } = "vibe-check-events";

    /// <summary>
    /// The stream is trimmed to about this many entries (Redis' approximate <c>MAXLEN ~</c>), oldest first: consumers
    /// that fall further behind lose the oldest events.
    /// </summary>
    public int MaxLength { get; set; } = DefaultMaxLength;

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StreamName)) errors.Add("StreamName must not be empty.");
        if (MaxLength < 100) errors.Add("MaxLength must be at least 100.");
        return errors;
    }
}
