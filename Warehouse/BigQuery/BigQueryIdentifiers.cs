using System.Text.RegularExpressions;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>Validation of names spliced into BigQuery paths and SQL, so no configured value can inject anything.</summary>
public static partial class BigQueryIdentifiers
{
    /// <summary>A dataset, table, model or column name: letters, digits, underscores, not starting with a digit.</summary>
    public static bool IsName(string? value) => value is not null && NamePattern().IsMatch(value);

    /// <summary>A Google Cloud project id (6–30 chars; lowercase letters, digits, hyphens; optional <c>domain:</c> prefix).</summary>
    public static bool IsProjectId(string? value) => value is not null && ProjectPattern().IsMatch(value);

    /// <summary>Returns <paramref name="value"/> or throws when it is not a valid name.</summary>
    public static string Name(string value, string what) =>
        IsName(value) ? value : throw new ArgumentException($"'{value}' is not a valid BigQuery {what} name.", what);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,299}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^([a-z][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex ProjectPattern();
}
