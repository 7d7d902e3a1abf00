namespace VibeCheck.Warehouse;

/// <summary>Result of a warehouse health check.</summary>
/// <param name="Healthy">Whether the backend answered and its schema is in place.</param>
/// <param name="Provider">Provider name.</param>
/// <param name="Detail">Schema version or the error met.</param>
public sealed record WarehouseHealth(bool Healthy, string Provider, string Detail);
