namespace VibeCheck.Gateway.Http.Csv;

/// <summary>
/// A response that can also be written as CSV by <see cref="CsvOrJsonFilter"/>: one header row, then one row per item.
/// Methods rather than properties so that the JSON form of the response does not grow a copy of itself.
/// </summary>
public interface ICsvTable
{
    /// <summary>Column names, in the order of every row's values.</summary>
    IReadOnlyList<string> CsvHeader();

    /// <summary>The rows; values are null, strings, numbers, booleans, times or <see cref="System.Text.Json.JsonElement"/>s.</summary>
    IEnumerable<IReadOnlyList<object?>> CsvRows();
}
