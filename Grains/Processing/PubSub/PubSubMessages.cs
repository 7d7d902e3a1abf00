namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>
/// A Pub/Sub message as published and delivered (<c>PubsubMessage</c>); <c>data</c> travels base64-encoded. Messages
/// with the same <paramref name="OrderingKey"/> reach a subscription with message ordering in publish order; Pub/Sub
/// takes one ordering key per publish request.
/// </summary>
public sealed record PubSubMessage(
    byte[]? Data, IReadOnlyDictionary<string, string>? Attributes = null, string? MessageId = null, string? OrderingKey = null);

/// <summary>A pulled message (<c>ReceivedMessage</c>); <c>deliveryAttempt</c> is set only when the subscription has a dead-letter policy.</summary>
public sealed record PubSubReceivedMessage(string AckId, PubSubMessage Message, int? DeliveryAttempt);

internal sealed record PublishRequest(IReadOnlyList<PubSubMessage> Messages);

internal sealed record PublishResponse(IReadOnlyList<string>? MessageIds);

internal sealed record PullRequest(int MaxMessages);

internal sealed record PullResponse(IReadOnlyList<PubSubReceivedMessage>? ReceivedMessages);

internal sealed record AcknowledgeRequest(IReadOnlyList<string> AckIds);

internal sealed record ModifyAckDeadlineRequest(IReadOnlyList<string> AckIds, int AckDeadlineSeconds);
