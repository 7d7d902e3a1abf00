using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Cameras;

/// <summary>Where and how the NYC DOT camera API is reached. Section <c>NycDot</c>.</summary>
public sealed class NycDotOptions : IValidatableObject
{
    public const string SectionName = "NycDot";
    public const string DefaultBaseUrl = "https://webcams.nyctmc.org";

    /// <summary>The API's base address; the camera list is at <c>/api/cameras</c>.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new(DefaultBaseUrl);

    /// <summary>
    /// Further hosts images may be served from. The registry is trusted only for these and the base URL's host,
    /// so a registry entry cannot make the service fetch from anywhere else.
    /// </summary>
    public List<string> AdditionalImageHosts { get; set; } = [];

    /// <summary>Time allowed for one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a transient failure (5xx, 408, 429, timeout, connection error).</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest image accepted; a 352×240 NYC frame is 10–30 KB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest camera list accepted.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxRegistryBytes { get; set; } = 16 * 1024 * 1024;

    public IEnumerable<string> AllowedImageHosts() => AdditionalImageHosts.Prepend(BaseUrl.Host);

    /// <summary>Checks what attributes cannot: an absolute http(s) base URL and bare host names.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https") || string.IsNullOrEmpty(BaseUrl.Host))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(BaseUrl)} must be an absolute http or https URL", [nameof(BaseUrl)]);
        }

        foreach (var host in AdditionalImageHosts.Where(h => Uri.CheckHostName(h) == UriHostNameType.Unknown))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(AdditionalImageHosts)} entry '{host}' is not a host name", [nameof(AdditionalImageHosts)]);
        }
    }
}
