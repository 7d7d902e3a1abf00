using VibeCheck.Redis;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// What a <see cref="RedisServer"/> demands: a password (<c>--requirepass</c>) and/or TLS only (<c>--port 0 --tls-port</c>)
/// with the test's certificates, client certificates required (<c>yes</c>) or accepted (<c>optional</c>).
/// </summary>
public sealed record RedisServerSecurity(string? Password, TestCertificates? Certificates, string AuthClients = "optional")
{
    public string ServerArguments(int port)
    {
        var arguments = Password is null ? "" : $"--requirepass {Password} ";
        return Certificates is null
            ? arguments + $"--port {port}"
            : arguments + $"--port 0 --tls-port {port} --tls-cert-file {Certificates.ServerCertificatePath} " +
              $"--tls-key-file {Certificates.ServerKeyPath} --tls-ca-cert-file {Certificates.CaPath} --tls-auth-clients {AuthClients}";
    }

    public string ConnectionStringSuffix =>
        string.Join(',', new[] { Password is null ? null : $"password={Password}", Certificates is null ? null : "ssl=true,sslHost=localhost" }.OfType<string>());

    /// <summary>Connection string plus the CA and client certificate files a production silo would be given.</summary>
    public Dictionary<string, string?> ClientSettings(string connectionString)
    {
        var settings = new Dictionary<string, string?> { [RedisConnection.ConnectionStringKey] = connectionString };
        if (Certificates is not null)
        {
            settings["Redis:TrustedCaPath"] = Certificates.CaPath;
            settings["Redis:ClientCertificatePath"] = Certificates.ClientCertificatePath;
            settings["Redis:ClientKeyPath"] = Certificates.ClientKeyPath;
        }

        return settings;
    }
}
