namespace VibeCheck.TestSupport.PubSub;

/// <summary>A message as one subscription of the stand-in holds it: its deliveries, current ack id and deadline.</summary>
public sealed class StandInMessage(string id, string? data, IReadOnlyDictionary<string, string> attributes, DateTimeOffset publishTime, string? orderingKey = null)
{
    /// <summary>The message id Pub/Sub gave it at publish.</summary>
    public string Id { get; } = id;

    /// <summary>Its data, base64 as on the wire (null when published without).</summary>
    public string? Data { get; } = data;

    /// <summary>Its attributes.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;

    /// <summary>The ordering key it was published with; null when none (unordered).</summary>
    public string? OrderingKey { get; } = string.IsNullOrEmpty(orderingKey) ? null : orderingKey;

    /// <summary>When it was published.</summary>
    public DateTimeOffset PublishTime { get; } = publishTime;

    /// <summary>Times it was delivered.</summary>
    public int Deliveries { get; internal set; }

    /// <summary>Ack id of its latest delivery; each delivery gets a new one.</summary>
    public string? AckId { get; internal set; }

    /// <summary>When its latest delivery's ack deadline ends; null while waiting to be delivered.</summary>
    public DateTimeOffset? Deadline { get; internal set; }

    /// <summary>Its data decoded as UTF-8.</summary>
    public string Text => Data is null ? "" : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Data));

    /// <summary>Whether a pull may deliver it now: never delivered, nacked, or its ack deadline passed.</summary>
    internal bool Deliverable(DateTimeOffset now) => Deadline is null || Deadline <= now;

    /// <summary>Whether <paramref name="ackId"/> is its live delivery's: Pub/Sub ignores acks of expired deliveries.</summary>
    internal bool Holds(string ackId, DateTimeOffset now) => AckId == ackId && Deadline > now;
}
