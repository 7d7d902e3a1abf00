namespace VibeCheck.Alerting;

/// <summary>
/// Alertmanager inhibition: while a firing alert matches <see cref="SourceMatchers"/>, alerts matching
/// <see cref="TargetMatchers"/> with the same values of the <see cref="Equal"/> labels are muted.
/// </summary>
public sealed record InhibitRule
{
    /// <summary>What the muting alert looks like.</summary>
    public IReadOnlyList<LabelMatcher> SourceMatchers { get; init; } = [];

    /// <summary>What the muted alerts look like.</summary>
    public IReadOnlyList<LabelMatcher> TargetMatchers { get; init; } = [];

    /// <summary>Labels that must be equal in source and target (e.g. <c>camera</c>).</summary>
    public IReadOnlyList<string> Equal { get; init; } = [];

    /// <summary>True when <paramref name="source"/> mutes <paramref name="target"/> under this rule.</summary>
    public bool Inhibits(Alert source, Alert target) =>
        source.Fingerprint != target.Fingerprint
        && source.Status == AlertStatus.Firing
        && LabelMatcher.All(SourceMatchers, source.Labels)
        && LabelMatcher.All(TargetMatchers, target.Labels)
        && Equal.All(name => source.Label(name) == target.Label(name));

    /// <summary>
    /// VibeCheck's rules: an offline, frozen or serviced camera mutes its violation alerts, and a citywide
    /// outage mutes the per-camera health alerts it summarises.
    /// </summary>
    public static IReadOnlyList<InhibitRule> Defaults { get; } =
    [
        new InhibitRule
        {
            SourceMatchers = [new LabelMatcher(AlertLabels.AlertName, string.Join('|', AlertNames.CameraConditions), MatchOperator.Regex)],
            TargetMatchers = [new LabelMatcher(AlertLabels.AlertName, AlertNames.Violation)],
            Equal = [AlertLabels.Camera],
        },
        new InhibitRule
        {
            SourceMatchers = [new LabelMatcher(AlertLabels.AlertName, AlertNames.CitywideCameraOutage)],
            TargetMatchers = [new LabelMatcher(AlertLabels.AlertName, string.Join('|', AlertNames.CameraConditions), MatchOperator.Regex)],
        },
    ];
}
