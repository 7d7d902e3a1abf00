namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>How to reach Pub/Sub: project, credentials, API root and retries; shared by processing requests and events out.</summary>
public abstract class PubSubConnectionOptions
{
    /// <summary>Default <see cref="BaseUrl"/>.</summary>
    public const string DefaultBaseUrl = "https://pubsub.googleapis.com";

    /// <summary>Google Cloud project holding the topics and subscriptions.</summary>
    public string? Project { get; set; }

    /// <summary>Service-account key file; when empty, application-default credentials.</summary>
    public string? CredentialsPath { get; set; }

    /// <summary>API root; tests point it at a loopback server.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Attempts of one Pub/Sub call answered 429 or 5xx before it fails.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay of a Pub/Sub call, doubled for each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Problems with the connection settings; empty when usable.</summary>
    protected IReadOnlyList<string> ValidateConnection()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Project)) errors.Add("Project must be set (the Google Cloud project id).");
        if (CredentialsPath is { Length: > 0 } path && !File.Exists(path)) errors.Add($"CredentialsPath '{path}' does not exist.");
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("BaseUrl must be an absolute http(s) URL.");
        }

        if (MaxAttempts is < 1 or > 20) errors.Add("MaxAttempts must be in 1..20.");
        if (RetryBaseDelay < TimeSpan.Zero) errors.Add("RetryBaseDelay must not be negative.");
        return errors;
    }
}
