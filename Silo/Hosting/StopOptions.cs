using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Silo.Hosting;

/// <summary>How long a silo may take to stop. Section <c>Silo</c>.</summary>
public sealed class StopOptions
{
    public const string SectionName = "Silo";

    /// <summary>
    /// Longest stop, from SIGTERM to exit. Two thirds of it go to the graceful stop (grains handed over, state written,
    /// membership row updated); what is not done at the end is named in the log and given up. Keep Kubernetes'
    /// <c>terminationGracePeriodSeconds</c> above it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The part of <see cref="StopTimeout"/> the host gives its services before it cancels their stop.</summary>
    public TimeSpan GracefulTimeout => StopTimeout * 2 / 3;
}
