using VibeCheck.Grains.Processing.PubSub;

namespace VibeCheck.Grains.Events;

/// <summary>Events out to a Google Cloud Pub/Sub topic, bound from <c>Events:PubSub</c> (used when <c>Events:Backend</c> is <c>pubsub</c>).</summary>
public sealed class PubSubEventTopicOptions : PubSubConnectionOptions
{
    /// <summary>The topic every event is published to.</summary>
    public string Topic { get; set; } = "vibe-check-events";

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(ValidateConnection());
        if (string.IsNullOrWhiteSpace(Topic)) errors.Add("Topic must not be empty.");
        return errors;
    }
}
