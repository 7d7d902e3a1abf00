namespace VibeCheck.Alerting;

/// <summary>The outcome of one send of one outbox item, to be applied to the outbox it came from.</summary>
/// <param name="IdempotencyKey">The item's key.</param>
/// <param name="Attempt">Which attempt this was (1-based): the item's attempts when sent, plus one.</param>
/// <param name="Result">What the channel answered.</param>
/// <param name="At">When the answer came.</param>
public sealed record DeliveryAttempt(string IdempotencyKey, int Attempt, DeliveryResult Result, DateTimeOffset At);
