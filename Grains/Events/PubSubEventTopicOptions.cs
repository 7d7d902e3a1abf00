using VibeCheck.Grains.Processing.PubSub;

namespace VibeCheck.Grains.Events;

/// <summary>Events out to a Google Cloud Pub/Sub topic, bound from <c>Events:PubSub</c> (used when <c>Events:Backend</c> is <c>pubsub</c>).</summary>
public sealed class PubSubEventTopicOptions : PubSubConnectionOptions
{
    /// <summary>The topic every event is published to.</summary>
    public string Topic { get; set; } = "vibe-check-events";

    /// <summary>
    /// Whether each event carries an ordering key, its camera's id (the source's last segment; <c>alerts</c> for
    /// alerts about the whole system), so a subscription with message ordering gets each camera's events in publish
    /// order. Pub/Sub keeps that order only among messages published to one region: point <see
    /// cref="Processing.PubSub.PubSubConnectionOptions.BaseUrl"/> at a regional endpoint. Off, events are published
    /// unordered, a whole outbox per request.
    /// </summary>
    public bool OrderingKeys { get; set; } = true;

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(ValidateConnection());
        if (string.IsNullOrWhiteSpace(Topic)) errors.Add("Topic must not be empty.");
        return errors;
    }
}
