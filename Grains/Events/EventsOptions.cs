namespace VibeCheck.Grains.Events;

/// <summary>Events out (CloudEvents 1.0 for the systems beside ours), bound from <c>Events</c>.</summary>
public sealed class EventsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Events";

    /// <summary>The backend built in: the Redis stream <see cref="RedisEventStreamOptions.StreamName"/>.</summary>
    public const string RedisBackend = "redis";

    /// <summary>The Google Cloud Pub/Sub backend: the topic <see cref="PubSubEventTopicOptions.Topic"/>.</summary>
    public const string PubSubBackend = "pubsub";

    /// <summary>Default of <see cref="PublishTimeout"/>.</summary>
    public static readonly TimeSpan DefaultPublishTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether grains produce events at all. Off, no event is queued (nothing is dropped: none exists); for clusters
    /// whose consumers use webhooks and SQL only, and for tests without a backend.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where events go: <c>redis</c> (the default) or <c>pubsub</c>.</summary>
    public string Backend { get; set; } = RedisBackend;

    /// <summary>One publish of an outbox gives up after this; the events stay queued and are tried again.</summary>
    public TimeSpan PublishTimeout { get; set; } = DefaultPublishTimeout;

    /// <summary>The Redis stream backend.</summary>
    public RedisEventStreamOptions Redis { get; set; } = new();

    /// <summary>The Pub/Sub backend.</summary>
    public PubSubEventTopicOptions PubSub { get; set; } = new();

    /// <summary>Whether events go to Pub/Sub rather than Redis.</summary>
    public bool UsesPubSub => string.Equals(Backend, PubSubBackend, StringComparison.OrdinalIgnoreCase);

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!string.Equals(Backend, RedisBackend, StringComparison.OrdinalIgnoreCase) && !UsesPubSub)
        {
            errors.Add($"Backend must be '{RedisBackend}' or '{PubSubBackend}'.");
        }

        if (UsesPubSub)
        {
            errors.AddRange(PubSub.Validate().Select(e => "PubSub:" + e));
        }

        if (PublishTimeout <= TimeSpan.Zero || PublishTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add("PublishTimeout must be between 0 and 1 minute.");
        }

        errors.AddRange(Redis.Validate().Select(e => "Redis:" + e));
        return errors;
    }
}
