using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Writing;

/// <summary>Keeps rows the writer could not write after all retries, so they can be inspected and replayed.</summary>
public interface IWarehouseDeadLetterStore
{
    /// <summary>Stores <paramref name="rows"/> with the reason; must not throw for ordinary I/O trouble it can log.</summary>
    Task StoreAsync(IReadOnlyList<IWarehouseRow> rows, string reason, CancellationToken cancellationToken);
}
