using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Writing;

/// <summary>
/// Writes dead-lettered rows as JSON lines, one file per batch, under <see cref="WarehouseOptions.DeadLetterDirectory"/>.
/// Each line is <c>{"table":..., "rowId":..., "reason":..., "row":{...}}</c>.
/// </summary>
public sealed class FileDeadLetterStore(IOptions<WarehouseOptions> options, TimeProvider time, ILogger<FileDeadLetterStore> logger)
    : IWarehouseDeadLetterStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task StoreAsync(IReadOnlyList<IWarehouseRow> rows, string reason, CancellationToken cancellationToken)
    {
        var directory = options.Value.DeadLetterDirectory();
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"{stamp}-{Guid.NewGuid():N}.jsonl");
        try
        {
            Directory.CreateDirectory(directory);
            await using var writer = new StreamWriter(path, append: false);
            foreach (var row in rows)
            {
                var line = JsonSerializer.Serialize(
                    new { table = row.Table.ToString(), rowId = row.RowId, reason, row = (object)row }, Json);
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            logger.LogError("Warehouse: {Count} rows dead-lettered to {Path}: {Reason}", rows.Count, path, reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogCritical(ex, "Warehouse: {Count} rows could not be written nor dead-lettered ({Reason}); row ids: {Ids}",
                rows.Count, reason, string.Join(",", rows.Select(r => r.RowId)));
        }
    }
}
