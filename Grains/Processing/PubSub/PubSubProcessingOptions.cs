namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>
/// The processing trigger on Google Cloud Pub/Sub (the original design's topic <c>vibe-check-processing</c>), bound
/// from <c>Processing:PubSub</c> and used when <c>Processing:Backend</c> is <c>pubsub</c>.
/// </summary>
public sealed class PubSubProcessingOptions : PubSubConnectionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Processing:PubSub";

    /// <summary>Longest ack deadline Pub/Sub accepts.</summary>
    public static readonly TimeSpan MaxAckDeadline = TimeSpan.FromSeconds(600);

    /// <summary>The subscription (to topic <c>vibe-check-processing</c>) every silo pulls from.</summary>
    public string Subscription { get; set; } = "vibe-check-processing-sub";

    /// <summary>Topic requests that cannot be done are published to, with the reason in attribute <c>reason</c>.</summary>
    public string DeadLetterTopic { get; set; } = "vibe-check-processing-dead";

    /// <summary>Messages pulled at once; they are done concurrently.</summary>
    public int MaxMessages { get; set; } = 10;

    /// <summary>
    /// The subscription's ack deadline (<c>--ack-deadline</c>): a request still running after half of it has its
    /// deadline extended by this much, again and again until it is done.
    /// </summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Deliveries of a request before it goes to the dead-letter topic.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>How long a done request's message id is remembered, so a redelivery of it is acknowledged, not redone.</summary>
    public TimeSpan RememberDoneFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(ValidateConnection());
        if (string.IsNullOrWhiteSpace(Subscription)) errors.Add("Subscription must not be empty.");
        if (string.IsNullOrWhiteSpace(DeadLetterTopic)) errors.Add("DeadLetterTopic must not be empty.");
        if (MaxMessages is < 1 or > 1000) errors.Add("MaxMessages must be in 1..1000.");
        if (AckDeadline < TimeSpan.FromSeconds(1) || AckDeadline > MaxAckDeadline) errors.Add("AckDeadline must be from 1 s to 600 s.");
        if (MaxDeliveries < 1) errors.Add("MaxDeliveries must be at least 1.");
        if (RememberDoneFor <= TimeSpan.Zero) errors.Add("RememberDoneFor must be positive.");
        return errors;
    }
}
