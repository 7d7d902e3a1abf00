namespace VibeCheck.Warehouse.Querying;

/// <summary>One group of a violation summary.</summary>
/// <param name="Key">Camera id, violation type, hour (<c>yyyy-MM-ddTHH:00:00Z</c>) or borough.</param>
/// <param name="Violations">Number of episodes.</param>
/// <param name="AverageConfidence">Mean detector confidence of those episodes.</param>
public sealed record ViolationSummaryRow(string Key, long Violations, double AverageConfidence);
