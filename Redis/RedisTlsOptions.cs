namespace VibeCheck.Redis;

/// <summary>
/// Section <c>Redis</c>: what a production Redis behind TLS needs beyond the connection string. The password and
/// <c>ssl=true,sslHost=...</c> stay in <c>ConnectionStrings:Redis</c> (StackExchange.Redis syntax); a private CA and a
/// client certificate cannot be written there, so they are files named here (Kubernetes mounts them from a Secret).
/// Setting any of them turns TLS on even when the connection string does not say <c>ssl=true</c>.
/// </summary>
public sealed class RedisTlsOptions
{
    public const string SectionName = "Redis";

    /// <summary><c>Redis:TrustedCaPath</c>: PEM or DER certificate of the CA that signed the server's certificate, trusted
    /// for Redis only (not added to the machine's store). The host name is still checked against <c>sslHost</c>.</summary>
    public string? TrustedCaPath { get; set; }

    /// <summary><c>Redis:ClientCertificatePath</c>: certificate presented to a server that asks for one
    /// (<c>tls-auth-clients yes</c>). PEM (with <see cref="ClientKeyPath"/>, or the key in the same file) or PKCS#12 (<c>.pfx</c>, <c>.p12</c>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary><c>Redis:ClientKeyPath</c>: PEM private key of a PEM client certificate, when it is in its own file.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary><c>Redis:ClientCertificatePassword</c>: password of a PKCS#12 file or of an encrypted PEM key. A secret.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>True when any TLS setting is present.</summary>
    public bool Configured =>
        !string.IsNullOrWhiteSpace(TrustedCaPath) || !string.IsNullOrWhiteSpace(ClientCertificatePath) || !string.IsNullOrWhiteSpace(ClientKeyPath);

    /// <summary>Safe to log: paths are not secrets, the password is.</summary>
    public override string ToString() =>
        $"Redis {{ TrustedCaPath = {TrustedCaPath ?? "(none)"}, ClientCertificatePath = {ClientCertificatePath ?? "(none)"}, " +
        $"ClientKeyPath = {ClientKeyPath ?? "(none)"}, ClientCertificatePassword = {(string.IsNullOrEmpty(ClientCertificatePassword) ? "(none)" : "***")} }}";
}
