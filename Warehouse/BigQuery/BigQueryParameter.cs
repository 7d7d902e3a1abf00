namespace VibeCheck.Warehouse.BigQuery;

/// <summary>A named query parameter (<c>@name</c> in the SQL).</summary>
/// <param name="Name">Name without the <c>@</c>.</param>
/// <param name="Type">BigQuery type, e.g. <c>TIMESTAMP</c>, <c>INT64</c>, <c>STRING</c>.</param>
/// <param name="Value">Value in BigQuery's textual form.</param>
public sealed record BigQueryParameter(string Name, string Type, string Value);
