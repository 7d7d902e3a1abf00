namespace VibeCheck.TestSupport.PubSub;

/// <summary>
/// One subscription of the stand-in: the messages not yet acked, delivered with real ack deadlines. With message
/// ordering on, a key's messages go out in publish order: together in one pull, or a later one only once every
/// earlier one is acked; one held by a consumer, or left out of a full pull, holds back the rest of its key.
/// </summary>
public sealed class StandInSubscription(string name, string topic, TimeSpan ackDeadline, bool countsDeliveries, bool enableMessageOrdering = false)
{
    private readonly List<StandInMessage> _messages = [];
    private readonly List<StandInMessage> _acked = [];
    private int _ackIds;

    /// <summary>Subscription id.</summary>
    public string Name { get; } = name;

    /// <summary>Topic id it receives from.</summary>
    public string Topic { get; } = topic;

    /// <summary>Ack deadline of each delivery unless modified.</summary>
    public TimeSpan AckDeadline { get; } = ackDeadline;

    /// <summary>Whether deliveries carry <c>deliveryAttempt</c>, as with a dead-letter policy on the subscription.</summary>
    public bool CountsDeliveries { get; set; } = countsDeliveries;

    /// <summary>Whether messages with the same ordering key are delivered in publish order (<c>--enable-message-ordering</c>).</summary>
    public bool EnableMessageOrdering { get; } = enableMessageOrdering;

    /// <summary>The messages acked, in ack order, with the deliveries it took.</summary>
    public IReadOnlyList<StandInMessage> Acked
    {
        get
        {
            lock (_messages)
            {
                return [.. _acked];
            }
        }
    }

    /// <summary>The messages not acked yet, in publish order.</summary>
    public IReadOnlyList<StandInMessage> Pending
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    internal void Add(StandInMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }

    internal IReadOnlyList<StandInMessage> Deliver(int max, DateTimeOffset now)
    {
        lock (_messages)
        {
            var due = new List<StandInMessage>();
            var heldBack = new HashSet<string>();
            foreach (var message in _messages)
            {
                var ordered = EnableMessageOrdering && message.OrderingKey is not null;
                if (ordered && heldBack.Contains(message.OrderingKey!))
                {
                    continue;
                }

                if (message.Deliverable(now) && due.Count < max)
                {
                    due.Add(message);
                }
                else if (ordered)
                {
                    // Outstanding, or past this pull's size: the key's later messages wait for it.
                    heldBack.Add(message.OrderingKey!);
                }
            }

            foreach (var message in due)
            {
                message.Deliveries++;
                message.AckId = $"{Name}-{message.Id}-{++_ackIds}";
                message.Deadline = now + AckDeadline;
            }

            return due;
        }
    }

    internal void Acknowledge(IEnumerable<string> ackIds, DateTimeOffset now)
    {
        lock (_messages)
        {
            foreach (var ackId in ackIds)
            {
                var acked = _messages.Where(m => m.Holds(ackId, now)).ToList();
                _acked.AddRange(acked);
                _messages.RemoveAll(acked.Contains);
            }
        }
    }

    internal void ModifyDeadline(IEnumerable<string> ackIds, TimeSpan deadline, DateTimeOffset now)
    {
        lock (_messages)
        {
            foreach (var message in _messages.Where(m => ackIds.Any(a => m.Holds(a, now))))
            {
                message.Deadline = deadline == TimeSpan.Zero ? null : now + deadline;
            }
        }
    }

    internal void TakeForLostConsumer(string id, DateTimeOffset now)
    {
        lock (_messages)
        {
            foreach (var message in _messages.Where(m => m.Id == id))
            {
                message.Deliveries++;
                message.AckId = $"{Name}-{message.Id}-lost";
                message.Deadline = now + AckDeadline;
            }
        }
    }
}
