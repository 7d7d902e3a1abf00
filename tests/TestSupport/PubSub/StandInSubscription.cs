namespace VibeCheck.TestSupport.PubSub;

/// <summary>One subscription of the stand-in: the messages not yet acked, delivered with real ack deadlines.</summary>
public sealed class StandInSubscription(string name, string topic, TimeSpan ackDeadline, bool countsDeliveries)
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
            var due = _messages.Where(m => m.Deliverable(now)).Take(max).ToList();
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
