namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Delivery</c>: retry and timeout policy of the outbox.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Attempts before an item goes to the dead-letter list. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first failure; doubles each attempt. Default 10 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound of the delay. Default 15 min.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Relative jitter, 0..1: the delay varies by ± this share. Default 0.2.</summary>
    public double JitterFactor { get; set; } = 0.2;

    /// <summary>Hard limit of one channel call, enforced by the worker on top of the channel's own timeout. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items sent per worker run. Default 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Delivery records kept for the API. Default 500.</summary>
    public int HistoryLimit { get; set; } = 500;

    /// <summary>Dead letters kept. Default 500.</summary>
    public int DeadLetterLimit { get; set; } = 500;
}
