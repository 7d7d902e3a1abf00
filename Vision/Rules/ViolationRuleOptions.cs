namespace VibeCheck.Vision.Rules;

/// <summary>Which detections the per-frame rules trust, and how close a waiting pedestrian must be.</summary>
public sealed record ViolationRuleOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision:Rules";

    /// <summary>Detections below this confidence are ignored by the rules (they still count in activity).</summary>
    public double MinDetectionConfidence { get; init; } = 0.3;

    // Lists default to null rather than to a filled list: the configuration binder appends configured items to an
    // existing list, so a filled default could never be narrowed (configuring ["car"] gave all five and "car").

    /// <summary>Labels that are motor vehicles; null means the model-free "vehicle" and the COCO vehicles.</summary>
    public IReadOnlyList<string>? VehicleLabels { get; init; }

    /// <summary>Vehicle labels allowed in a bus lane; null means "bus".</summary>
    public IReadOnlyList<string>? BusLabels { get; init; }

    /// <summary>Labels that are pedestrians; null means "person".</summary>
    public IReadOnlyList<string>? PersonLabels { get; init; }

    /// <summary><see cref="VehicleLabels"/> or the default vehicles.</summary>
    public IReadOnlyList<string> EffectiveVehicleLabels => VehicleLabels ?? ["vehicle", "car", "truck", "bus", "motorcycle"];

    /// <summary><see cref="BusLabels"/> or "bus".</summary>
    public IReadOnlyList<string> EffectiveBusLabels => BusLabels ?? ["bus"];

    /// <summary><see cref="PersonLabels"/> or "person".</summary>
    public IReadOnlyList<string> EffectivePersonLabels => PersonLabels ?? ["person"];

    /// <summary>
    /// A pedestrian "waits" for a blocked crosswalk when standing in a sidewalk zone or within this many pixels of
    /// the crosswalk polygon's bounding box.
    /// </summary>
    public double WaitingDistance { get; init; } = 25;

    /// <summary>
    /// With a tracking detector, a vehicle must have stood this long (seconds) to double-park or block the box:
    /// traffic that drives through those zones is no violation. Detectors without tracking are not held to it.
    /// </summary>
    public double MinStandingSeconds { get; init; } = 4;

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinDetectionConfidence is < 0 or > 1 || double.IsNaN(MinDetectionConfidence)) errors.Add("MinDetectionConfidence must be in [0, 1].");
        if (!(WaitingDistance >= 0)) errors.Add("WaitingDistance must not be negative.");
        if (!(MinStandingSeconds >= 0)) errors.Add("MinStandingSeconds must not be negative.");
        foreach (var (name, labels) in new[] { ("VehicleLabels", VehicleLabels), ("BusLabels", BusLabels), ("PersonLabels", PersonLabels) })
        {
            if (labels is { } given && (given.Count == 0 || given.Any(string.IsNullOrWhiteSpace)))
            {
                errors.Add($"{name}, when set, must list at least one non-empty label.");
            }
        }

        return errors;
    }
}
