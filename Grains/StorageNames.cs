namespace VibeCheck.Grains;

/// <summary>Grain storage providers the grains use; the silo registers each against Redis.</summary>
public static class StorageNames
{
    public const string Cameras = "cameras";
    public const string Registry = "registry";
    public const string Forecasts = "forecasts";

    /// <summary>
    /// Orleans' stream pub/sub store (the name it looks up). In Redis, subscriptions outlive the silo that hosted
    /// their rendezvous grain, so live events keep reaching gateways when a silo dies.
    /// </summary>
    public const string PubSub = Orleans.Providers.ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME;

    /// <summary>Every grain storage the silo registers, alerting's included: one list, so none is forgotten.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Cameras, Registry, Forecasts, Alerts.AlertStorageNames.Violations, Alerts.AlertStorageNames.Alerts, PubSub];
}
