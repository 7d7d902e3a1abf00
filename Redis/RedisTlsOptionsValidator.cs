using Microsoft.Extensions.Options;

namespace VibeCheck.Redis;

/// <summary>Checks <see cref="RedisTlsOptions"/> before any connection is made; every message names its key and no secret.</summary>
public sealed class RedisTlsOptionsValidator : IValidateOptions<RedisTlsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        FileMustExist(errors, options.TrustedCaPath, "Redis:TrustedCaPath");
        FileMustExist(errors, options.ClientCertificatePath, "Redis:ClientCertificatePath");
        FileMustExist(errors, options.ClientKeyPath, "Redis:ClientKeyPath");

        if (!string.IsNullOrWhiteSpace(options.ClientKeyPath) && string.IsNullOrWhiteSpace(options.ClientCertificatePath))
        {
            errors.Add("Redis:ClientKeyPath is set without Redis:ClientCertificatePath");
        }

        if (!string.IsNullOrEmpty(options.ClientCertificatePassword) && string.IsNullOrWhiteSpace(options.ClientCertificatePath))
        {
            errors.Add("Redis:ClientCertificatePassword is set without Redis:ClientCertificatePath");
        }

        if (RedisCertificates.IsPkcs12(options.ClientCertificatePath) && !string.IsNullOrWhiteSpace(options.ClientKeyPath))
        {
            errors.Add("Redis:ClientKeyPath must not be set with a PKCS#12 Redis:ClientCertificatePath (the key is inside it)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void FileMustExist(List<string> errors, string? path, string key)
    {
        if (path is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{key} is not a file path");
        }
        else if (!File.Exists(path))
        {
            // The path is not repeated: a secret pasted under the wrong key must not reach the log.
            errors.Add($"{key} names no existing file");
        }
    }
}
