using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A private CA, a server certificate for 127.0.0.1/localhost and a client certificate, made for one test and written
/// as PEM into a temporary directory (the files redis-server and <c>Redis:*</c> settings name). A second, unrelated CA
/// is there to show an untrusted server is refused.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }
    public string CaPath => Path.Combine(Directory, "ca.crt");
    public string OtherCaPath => Path.Combine(Directory, "other-ca.crt");
    public string ServerCertificatePath => Path.Combine(Directory, "server.crt");
    public string ServerKeyPath => Path.Combine(Directory, "server.key");
    public string ClientCertificatePath => Path.Combine(Directory, "client.crt");
    public string ClientKeyPath => Path.Combine(Directory, "client.key");

    public static TestCertificates Create()
    {
        var files = new TestCertificates(System.IO.Directory.CreateTempSubdirectory("vc-redis-tls-").FullName);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = SelfSignedCa("CN=VibeCheck Test Redis CA", caKey);
        File.WriteAllText(files.CaPath, ca.ExportCertificatePem());

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = SelfSignedCa("CN=Somebody Else's CA", otherKey);
        File.WriteAllText(files.OtherCaPath, other.ExportCertificatePem());

        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        WriteLeaf(ca, "CN=localhost", names.Build(), "1.3.6.1.5.5.7.3.1", files.ServerCertificatePath, files.ServerKeyPath);
        WriteLeaf(ca, "CN=vibecheck-silo", null, "1.3.6.1.5.5.7.3.2", files.ClientCertificatePath, files.ClientKeyPath);
        return files;
    }

    /// <summary>The client certificate and key as one PKCS#12 file protected by <paramref name="password"/>; its path.</summary>
    public string WriteClientPkcs12(string password)
    {
        var path = Path.Combine(Directory, "client.pfx");
        using var certificate = X509Certificate2.CreateFromPemFile(ClientCertificatePath, ClientKeyPath);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>The client key as an encrypted PKCS#8 PEM, protected by <paramref name="password"/>; its path.</summary>
    public string WriteClientEncryptedKey(string password)
    {
        var path = Path.Combine(Directory, "client-encrypted.key");
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(ClientKeyPath));
        File.WriteAllText(path, key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static X509Certificate2 SelfSignedCa(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }

    private static void WriteLeaf(X509Certificate2 ca, string subject, X509Extension? names, string usage, string certificatePath, string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(6), serial);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }
}
