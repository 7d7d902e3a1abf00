namespace VibeCheck.Alerting;

/// <summary>
/// Raises one <see cref="AlertNames.CitywideCameraOutage"/> alert while many cameras are unhealthy at once, and
/// resolves it when they recover; the default inhibit rules then mute the per-camera health alerts. Cameras are
/// counted in the state and in the counts other routers reported; a state that does not detect outages is left alone.
/// </summary>
public static class OutageDetector
{
    /// <summary>Returns the state with the outage alert raised, refreshed or resolved.</summary>
    public static AlertingState Apply(AlertingState state, NotifyOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        if (!state.DetectsOutage)
        {
            return state;
        }

        var unhealthy = state.UnhealthyCameraCount + state.UnhealthyCamerasElsewhere.Values.Sum();
        var known = Math.Max(state.KnownCameraCount, unhealthy);
        var share = known == 0 ? 0 : (double)unhealthy / known;
        var outage = SystemAlerts.CitywideOutage(unhealthy, known, now);
        var existing = state.Find(outage.Fingerprint);

        if (unhealthy >= options.OutageMinCameras && share >= options.OutageShare)
        {
            return state.Upsert(outage, now);
        }

        return existing is { Status: AlertStatus.Firing } ? state.Resolve(outage.Fingerprint, now) : state;
    }
}
