namespace VibeCheck.Warehouse.Querying;

/// <summary>How <see cref="IWarehouseSink.SummarizeViolationsAsync"/> groups violations.</summary>
public enum ViolationGrouping
{
    /// <summary>By camera id.</summary>
    Camera,

    /// <summary>By violation type.</summary>
    Type,

    /// <summary>By UTC hour of the episode start, keyed <c>yyyy-MM-ddTHH:00:00Z</c>.</summary>
    Hour,

    /// <summary>By borough; episodes without one are keyed <c>unknown</c>.</summary>
    Borough,

    /// <summary>By UTC day of the episode start, keyed <c>yyyy-MM-ddT00:00:00Z</c>.</summary>
    Day,
}
