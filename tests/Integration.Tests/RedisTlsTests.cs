using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// The system on a Redis that demands a password and speaks TLS only, with certificates made by the test: a private
/// CA trusted through <c>Redis:TrustedCaPath</c> and a client certificate the server requires.
/// </summary>
public sealed class RedisTlsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Password = "s3cret-redis-pass-8f2c41";

    [Fact]
    public async Task A_cluster_runs_end_to_end_on_a_password_protected_tls_only_redis_that_requires_client_certificates()
    {
        using var certificates = TestCertificates.Create();
        await using var redis = await RedisServer.StartAsync(security: new RedisServerSecurity(Password, certificates, AuthClients: "yes"));
        var logs = new CapturedLogs();
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 2, silos: 1, redisConnection: redis.ConnectionString, settings: redis.ClientSettings(), logs: logs);

        var health = await system.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var camera = system.Cameras[0];
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostAsync($"/process/camera/{camera}", null)).StatusCode);

        // The camera's state went through TLS into this Redis: read it back over a connection built like the silo's.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions());
        var stateKey = $"{system.ServiceId}/state/camera/{camera:N}/camera";
        await VibeCheckCluster.WaitUntilAsync(
            async () => await connection.GetDatabase().KeyExistsAsync(stateKey), TimeSpan.FromSeconds(30), "camera state written to Redis");
        var data = JsonDocument.Parse((string)(await connection.GetDatabase().HashGetAsync(stateKey, "data"))!);
        Assert.Equal(JsonValueKind.String, data.RootElement.GetProperty("Enrolment").GetProperty("LastCheckedAt").ValueKind);
        Assert.True(connection.GetServer(connection.GetEndPoints()[0]).Features.Version.Major >= 6);

        AssertNeverLogged(logs, Password);
    }

    [Fact]
    public async Task The_tls_redis_refuses_plain_text_an_untrusted_server_certificate_a_missing_client_certificate_and_a_wrong_password()
    {
        using var certificates = TestCertificates.Create();
        await using var redis = await RedisServer.StartAsync(security: new RedisServerSecurity(Password, certificates, AuthClients: "yes"));
        var good = redis.ClientSettings();

        // Plain text on the TLS port.
        await AssertRefusedAsync(Settings(good, ("ConnectionStrings:Redis", $"127.0.0.1:{redis.Port},password={Password}"), ("Redis:TrustedCaPath", null), ("Redis:ClientCertificatePath", null), ("Redis:ClientKeyPath", null)), "plain text");
        // The server's certificate is signed by a CA the client was not told to trust.
        await AssertRefusedAsync(Settings(good, ("Redis:TrustedCaPath", certificates.OtherCaPath)), "untrusted CA");
        // tls-auth-clients yes: no client certificate, no connection.
        await AssertRefusedAsync(Settings(good, ("Redis:ClientCertificatePath", null), ("Redis:ClientKeyPath", null)), "no client certificate");
        // Everything right but the password.
        var wrong = await AssertRefusedAsync(Settings(good, ("ConnectionStrings:Redis", redis.ConnectionString.Replace(Password, "not-the-password"))), "wrong password");
        Assert.DoesNotContain("not-the-password", wrong.ToString(), StringComparison.Ordinal);

        // And the right settings do connect, so the refusals above are about what each case changed.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Options(good));
        Assert.True((await connection.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_client_certificate_may_be_a_password_protected_pkcs12_file_or_a_pem_with_an_encrypted_key()
    {
        const string FilePassword = "client-file-pass-3e7d";
        using var certificates = TestCertificates.Create();
        await using var redis = await RedisServer.StartAsync(security: new RedisServerSecurity(Password, certificates, AuthClients: "yes"));
        var good = redis.ClientSettings();
        var pkcs12 = certificates.WriteClientPkcs12(FilePassword);
        var encryptedKey = certificates.WriteClientEncryptedKey(FilePassword);
        var forms = new[]
        {
            ("PKCS#12", Settings(good, ("Redis:ClientCertificatePath", pkcs12), ("Redis:ClientKeyPath", null), ("Redis:ClientCertificatePassword", FilePassword))),
            ("encrypted PEM key", Settings(good, ("Redis:ClientKeyPath", encryptedKey), ("Redis:ClientCertificatePassword", FilePassword))),
        };

        foreach (var (form, settings) in forms)
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(Options(settings));
            Assert.True(await connection.GetDatabase().PingAsync() < TimeSpan.FromSeconds(5), form);
        }

        // A wrong file password, or an encrypted key without one, stops the start naming the key and never the password.
        var wrongPassword = Assert.Throws<OptionsValidationException>(() => Options(Settings(forms[0].Item2, ("Redis:ClientCertificatePassword", "not-the-file-pass"))));
        Assert.Contains("Redis:ClientCertificatePath", wrongPassword.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-file-pass", wrongPassword.Message, StringComparison.Ordinal);
        var noPassword = Assert.Throws<OptionsValidationException>(() => Options(Settings(forms[1].Item2, ("Redis:ClientCertificatePassword", null))));
        Assert.Contains("Redis:ClientCertificatePath", noPassword.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_turns_health_503_naming_redis_without_crashing_or_logging_the_password()
    {
        await using var redis = await RedisServer.StartAsync(security: new RedisServerSecurity(Password, Certificates: null));
        var logs = new CapturedLogs();
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 1, silos: 1, redisConnection: redis.ConnectionString,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" }, logs: logs);
        output.WriteLine($"system started at {DateTime.UtcNow:HH:mm:ss.f}");
        Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync("/health")).StatusCode);

        // The password is rotated on the server but not in the services' configuration; their connections drop.
        var admin = redis.ClientOptions();
        admin.AllowAdmin = true;
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(admin))
        {
            await connection.GetDatabase().ExecuteAsync("CONFIG", "SET", "requirepass", "rotated-pass-77aa19");
            await connection.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
        }

        var rotatedAt = DateTime.UtcNow;
        output.WriteLine($"password rotated at {rotatedAt:HH:mm:ss.f}");
        HttpResponseMessage? unhealthy = null;
        await VibeCheckCluster.WaitUntilAsync(
            async () => (unhealthy = await system.Http.GetAsync("/health")).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(30), "/health to report the refused password");
        output.WriteLine($"/health 503 {(DateTime.UtcNow - rotatedAt).TotalSeconds:F1} s after the password changed");
        var body = await unhealthy!.Content.ReadAsStringAsync();
        output.WriteLine(body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Contains("redis", problem.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(Password, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync("/alive")).StatusCode);

        // Put the configured password back on the server: the services reconnect by themselves.
        var withNewPassword = ConfigurationOptions.Parse($"127.0.0.1:{redis.Port},password=rotated-pass-77aa19,allowAdmin=true");
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(withNewPassword))
        {
            await connection.GetDatabase().ExecuteAsync("CONFIG", "SET", "requirepass", Password);
        }

        await VibeCheckCluster.WaitUntilAsync(
            async () => (await system.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/health to recover");
        output.WriteLine($"/health 200 again {(DateTime.UtcNow - rotatedAt).TotalSeconds:F1} s after the password changed; {logs.Lines.Count} log lines captured");

        Assert.NotEmpty(logs.Lines);
        AssertNeverLogged(logs, Password);
        AssertNeverLogged(logs, "rotated-pass-77aa19");
    }

    private static void AssertNeverLogged(CapturedLogs logs, string secret)
    {
        var leaks = logs.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).Take(3).ToList();
        Assert.True(leaks.Count == 0, "secret logged: " + string.Join(Environment.NewLine, leaks));
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> baseline, params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(baseline);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static ConfigurationOptions Options(Dictionary<string, string?> settings) =>
        VibeCheck.Redis.RedisConnection.Options(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static async Task<Exception> AssertRefusedAsync(Dictionary<string, string?> settings, string what)
    {
        var options = Options(settings);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        options.ConnectRetry = 1;
        var refused = await Record.ExceptionAsync(async () =>
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
        });
        Assert.True(refused is RedisConnectionException or RedisServerException, $"{what}: expected a refused connection, got {refused?.GetType().Name ?? "a connection"}");
        return refused!;
    }
}
