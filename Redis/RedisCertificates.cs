using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace VibeCheck.Redis;

/// <summary>Loads the files <see cref="RedisTlsOptions"/> names; a file that is not a certificate is a configuration error naming its key.</summary>
internal static class RedisCertificates
{
    public static bool IsPkcs12(string? path) =>
        path is not null && (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase));

    public static X509Certificate2 TrustedCa(string path) =>
        Load("Redis:TrustedCaPath", () => X509CertificateLoader.LoadCertificateFromFile(path));

    public static X509Certificate2 Client(RedisTlsOptions options)
    {
        var path = options.ClientCertificatePath!;
        var password = string.IsNullOrEmpty(options.ClientCertificatePassword) ? null : options.ClientCertificatePassword;
        var certificate = Load("Redis:ClientCertificatePath", () => IsPkcs12(path)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
            : password is null
                ? X509Certificate2.CreateFromPemFile(path, options.ClientKeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, options.ClientKeyPath));
        if (!certificate.HasPrivateKey)
        {
            throw Invalid("Redis:ClientCertificatePath", "the certificate has no private key (set Redis:ClientKeyPath)");
        }

        return certificate;
    }

    private static X509Certificate2 Load(string key, Func<X509Certificate2> load)
    {
        try
        {
            return load();
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The exception's message names the file's problem, never the password.
            throw Invalid(key, $"cannot be loaded: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static OptionsValidationException Invalid(string key, string message) =>
        new(RedisTlsOptions.SectionName, typeof(RedisTlsOptions), [$"{key} {message}"]);
}
