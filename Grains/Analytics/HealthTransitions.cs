using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Grains.Analytics;

/// <summary>Camera health changes as <c>camera_health</c> rows (statuses in the API's snake_case, e.g. <c>being_serviced</c>).</summary>
public static class HealthTransitions
{
    /// <summary>The row for a change from <paramref name="from"/> to <paramref name="to"/> at <paramref name="at"/>.</summary>
    public static CameraHealthTransitionRecord Row(Guid cameraId, CameraHealth from, CameraHealth to, DateTimeOffset at, string? reason) =>
        new(cameraId.ToString(), Name(from), Name(to), at, reason);

    /// <summary>
    /// Records the change through the silo's <see cref="IAnalyticsRecorder"/> (never waits); does nothing where no
    /// recorder is registered. Returns whether the row was accepted.
    /// </summary>
    public static bool Record(IServiceProvider services, Guid cameraId, CameraHealth from, CameraHealth to, DateTimeOffset at, string? reason) =>
        services.GetService<IAnalyticsRecorder>()?.Record(Row(cameraId, from, to, at, reason)) ?? false;

    /// <summary>The status name, e.g. <c>being_serviced</c>.</summary>
    public static string Name(CameraHealth health) => JsonNamingPolicy.SnakeCaseLower.ConvertName(health.ToString());
}
