namespace VibeCheck.Warehouse.Querying;

/// <summary>An analytics query was refused before it ran (not a single SELECT, empty, too long).</summary>
/// <param name="reason">Why, in words fit for the caller.</param>
public sealed class WarehouseQueryRejectedException(string reason) : Exception(reason)
{
    /// <summary>Why the query was refused.</summary>
    public string Reason => Message;
}
