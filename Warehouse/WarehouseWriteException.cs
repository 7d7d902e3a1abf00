namespace VibeCheck.Warehouse;

/// <summary>A batch, or some rows of it, could not be written.</summary>
public sealed class WarehouseWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="failedRowIds">Ids of the rows not written; empty means the whole batch.</param>
    /// <param name="isPermanent">True when retrying cannot help (e.g. rows rejected as invalid).</param>
    /// <param name="innerException">The cause, if any.</param>
    public WarehouseWriteException(string message, IReadOnlyCollection<string> failedRowIds, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        FailedRowIds = failedRowIds;
        IsPermanent = isPermanent;
    }

    /// <summary>Ids of the rows not written; empty means the whole batch.</summary>
    public IReadOnlyCollection<string> FailedRowIds { get; }

    /// <summary>True when retrying cannot help.</summary>
    public bool IsPermanent { get; }
}
