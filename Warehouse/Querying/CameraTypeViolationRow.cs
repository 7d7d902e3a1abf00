namespace VibeCheck.Warehouse.Querying;

/// <summary>Violations of one type at one camera: a cell of the camera × type summary.</summary>
/// <param name="Camera">Camera id.</param>
/// <param name="Type">Violation type.</param>
/// <param name="Violations">Number of episodes.</param>
/// <param name="AverageConfidence">Mean detector confidence of those episodes.</param>
public sealed record CameraTypeViolationRow(string Camera, string Type, long Violations, double AverageConfidence);
