using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VibeCheck.Configuration;

namespace VibeCheck.Redis;

/// <summary>
/// One Redis connection (<c>ConnectionStrings:Redis</c> plus the TLS files of section <c>Redis</c>) serves clustering,
/// storage, reminders and the cache of the silos, and the gateway's membership reads and health probe: both hosts
/// build it here, so a password or a private CA is configured the same way for each.
/// </summary>
public static class RedisConnection
{
    public const string Name = "Redis";
    public const string Default = "127.0.0.1:6379";
    public const string ConnectionStringKey = "ConnectionStrings:" + Name;

    /// <summary>Options that survive Redis going away: keep retrying instead of failing the first connect.</summary>
    /// <exception cref="OptionsValidationException">The connection string or a TLS setting is invalid; the message names the key.</exception>
    public static ConfigurationOptions Options(IConfiguration configuration)
    {
        var options = Parse(configuration.GetConnectionString(Name) ?? Default);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 5000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 5000);
        ApplyTls(options, Tls(configuration));
        return options;
    }

    /// <summary>The bound and validated <c>Redis</c> section.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; each failure names its key.</exception>
    public static RedisTlsOptions Tls(IConfiguration configuration)
    {
        var tls = new RedisTlsOptions();
        OptionsBinding.Bind(configuration.GetSection(RedisTlsOptions.SectionName), tls, RedisTlsOptions.SectionName);

        var result = new RedisTlsOptionsValidator().Validate(null, tls);
        return result.Failed ? throw new OptionsValidationException(RedisTlsOptions.SectionName, typeof(RedisTlsOptions), result.Failures) : tls;
    }

    /// <summary>The connection string without its password, for logs and error messages.</summary>
    public static string Describe(ConfigurationOptions options) => options.ToString(includePassword: false);

    private static ConfigurationOptions Parse(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            // StackExchange.Redis names the offending keyword and value; a password is never a rejected value.
            throw new OptionsValidationException(ConnectionStringKey, typeof(ConfigurationOptions), [$"{ConnectionStringKey}: {ex.Message}"]);
        }
    }

    private static void ApplyTls(ConfigurationOptions options, RedisTlsOptions tls)
    {
        if (!tls.Configured)
        {
            return;
        }

        options.Ssl = true;
        if (!string.IsNullOrWhiteSpace(tls.TrustedCaPath))
        {
            options.TrustIssuer(RedisCertificates.TrustedCa(tls.TrustedCaPath));
        }

        if (!string.IsNullOrWhiteSpace(tls.ClientCertificatePath))
        {
            // Loaded once here, so a bad file fails the start instead of every later connect.
            var certificate = RedisCertificates.Client(tls);
            options.CertificateSelection += (_, _, _, _, _) => certificate;
        }
    }
}
