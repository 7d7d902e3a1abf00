namespace VibeCheck.Grains.Processing;

/// <summary>Where processing requests come from, chosen by <c>Processing:Backend</c>.</summary>
public enum ProcessingBackend
{
    /// <summary>The Redis stream of <see cref="ProcessingStreamOptions"/> on the cluster's Redis (the default).</summary>
    Redis,

    /// <summary>A Google Cloud Pub/Sub subscription, <see cref="PubSub.PubSubProcessingOptions"/>.</summary>
    PubSub,
}
