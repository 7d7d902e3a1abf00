using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Silo;

/// <summary>Where this silo sits in the cluster. Section <c>Orleans</c>.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Orleans";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "vibecheck";

    /// <summary>Stays the same across deployments: grain state and reminders are stored under it.</summary>
    [Required]
    public string ServiceId { get; set; } = "vibecheck";

    /// <summary>Silo-to-silo port; give each silo on one machine its own.</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (the gateway) connect to.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Take identity and endpoints from the Kubernetes pod instead of this section; on by default inside a cluster
    /// (KUBERNETES_SERVICE_HOST set).
    /// </summary>
    public bool UseKubernetesHosting { get; set; } = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null;

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
