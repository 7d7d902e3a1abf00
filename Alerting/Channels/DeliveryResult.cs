namespace VibeCheck.Alerting;

/// <summary>Outcome class of one delivery attempt.</summary>
public enum DeliveryOutcome
{
    /// <summary>Delivered.</summary>
    Success = 0,

    /// <summary>Failed; retrying may help (timeout, 5xx, 429, connection refused, SMTP 4xx).</summary>
    Transient = 1,

    /// <summary>Failed; retrying cannot help (bad URL, 4xx, SMTP 5xx such as a refused recipient).</summary>
    Permanent = 2,
}

/// <summary>Result of <see cref="IAlertChannel.SendAsync"/>.</summary>
/// <param name="Outcome">Success, transient or permanent failure.</param>
/// <param name="Reason">What happened, for the delivery history and the dead-letter list; never contains secrets.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string Reason)
{
    /// <summary>Delivered.</summary>
    public static DeliveryResult Success(string reason = "delivered") => new(DeliveryOutcome.Success, reason);

    /// <summary>Retry later.</summary>
    public static DeliveryResult Transient(string reason) => new(DeliveryOutcome.Transient, reason);

    /// <summary>Do not retry.</summary>
    public static DeliveryResult Permanent(string reason) => new(DeliveryOutcome.Permanent, reason);
}
