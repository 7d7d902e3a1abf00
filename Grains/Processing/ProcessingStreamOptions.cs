namespace VibeCheck.Grains.Processing;

/// <summary>
/// The processing trigger on Redis Streams (the original design's Pub/Sub topic <c>vibe-check-processing</c>), bound
/// from <c>Processing:Stream</c>.
/// </summary>
public sealed class ProcessingStreamOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Processing:Stream";

    /// <summary>Whether the silos consume the stream.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The stream requests are added to; each entry's field <c>data</c> holds the request's JSON.</summary>
    public string StreamName { get; set; } = "vibe-check-processing";

    /// <summary>Where requests that cannot be done go, with the original entry and the reason.</summary>
    public string DeadLetterStreamName { get; set; } = "vibe-check-processing-dead";

    /// <summary>The consumer group of the cluster: each request is done by one silo of it.</summary>
    public string ConsumerGroup { get; set; } = "vibecheck";

    /// <summary>Deliveries of a request before it goes to the dead-letter stream.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>
    /// A request delivered but not acknowledged for this long is claimed again, by any silo: its silo died, or its
    /// attempt failed and waits this long before the next.
    /// </summary>
    public TimeSpan ClaimIdleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle consumer looks for new entries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Entries read at once.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>The dead-letter stream is trimmed to about this many entries.</summary>
    public int DeadLetterMaxLength { get; set; } = 10_000;

    /// <summary>How long a done request's id is remembered, so a redelivery of it is acknowledged, not redone.</summary>
    public TimeSpan RememberDoneFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StreamName)) errors.Add("StreamName must not be empty.");
        if (string.IsNullOrWhiteSpace(DeadLetterStreamName) || DeadLetterStreamName == StreamName) errors.Add("DeadLetterStreamName must be set and differ from StreamName.");
        if (string.IsNullOrWhiteSpace(ConsumerGroup)) errors.Add("ConsumerGroup must not be empty.");
        if (MaxDeliveries < 1) errors.Add("MaxDeliveries must be at least 1.");
        if (ClaimIdleAfter <= TimeSpan.Zero) errors.Add("ClaimIdleAfter must be positive.");
        if (PollInterval <= TimeSpan.Zero) errors.Add("PollInterval must be positive.");
        if (BatchSize < 1) errors.Add("BatchSize must be at least 1.");
        if (DeadLetterMaxLength < 1) errors.Add("DeadLetterMaxLength must be at least 1.");
        if (RememberDoneFor <= TimeSpan.Zero) errors.Add("RememberDoneFor must be positive.");
        return errors;
    }
}
