using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VibeCheck.Redis;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// Random <c>ConnectionStrings:Redis</c> and <c>Redis:*</c> settings through <see cref="RedisConnection.Options"/>, the
/// one place silo and gateway build their Redis connection: options, or an <see cref="OptionsValidationException"/>
/// naming the setting, with the password in neither the message nor the loggable descriptions. No Redis needed.
/// Fixed seed via Replay.
/// </summary>
public sealed class RedisSettingsProperties
{
    private const string Password = "pw-3b9f2e-never-logged";
    private const string Misplaced = "misplaced-secret-5c0d7a";
    private static readonly TestCertificates Certificates = CreateCertificates();

    private static Gen<string> Part =>
        Gen.Frequency(
            (3, Gen.Elements("127.0.0.1:6379", "localhost", "redis-master.redis:6380", "[::1]:6379", $"password={Password}", "user=vibecheck",
                "ssl=true", "ssl=false", "sslHost=localhost", "abortConnect=false", "connectTimeout=2000", "defaultDatabase=3", "allowAdmin=true")),
            (1, Gen.Elements("host:notaport", "host:99999", ":", "", " ", "password=", "ssl=maybe", "abortConnect=perhaps", "connectTimeout=-5",
                "connectTimeout=abc", "syncTimeout=99999999999", "defaultDatabase=x", "unknownKeyword=1", "=value", "ssl", "a=b=c", ",")));

    /// <summary>Mostly unset or the right file for the key, sometimes anything else.</summary>
    private static Gen<string?> File(string right) =>
        Gen.Frequency(
            (3, Gen.Constant<string?>(null)),
            (3, Gen.Constant<string?>(right)),
            (1, Gen.Elements<string?>("", " ", Certificates.CaPath, Certificates.ClientCertificatePath, Certificates.ClientKeyPath,
                Certificates.ServerKeyPath, "/nonexistent/ca.crt", "/etc", "rel/ative.pem", "\0", Misplaced)));

    private static Gen<Dictionary<string, string?>> Settings =>
        Gen.Zip(
            Gen.Zip(Gen.ListOf(Part, 3).Select(parts => (string?)string.Join(",", parts)), Gen.Elements<string?>(null, null, null, Password, "")),
            Gen.Zip(Gen.Zip(File(Certificates.CaPath), File(Certificates.ClientCertificatePath)), File(Certificates.ClientKeyPath)))
            .Select(t =>
            {
                var ((connection, certificatePassword), ((ca, certificate), key)) = t;
                return new Dictionary<string, string?>
                {
                    [RedisConnection.ConnectionStringKey] = connection,
                    ["Redis:TrustedCaPath"] = ca,
                    ["Redis:ClientCertificatePath"] = certificate,
                    ["Redis:ClientKeyPath"] = key,
                    ["Redis:ClientCertificatePassword"] = certificatePassword,
                };
            });

    private static int _accepted;
    private static int _refused;

    [Property(MaxTest = 300, Replay = "(20261129,7919)")]
    public Property Random_redis_settings_give_connection_options_or_a_validation_error_naming_the_setting() =>
        Prop.ForAll(Settings.ToArbitrary(), settings =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            ConfigurationOptions options;
            try
            {
                options = RedisConnection.Options(configuration);
            }
            catch (OptionsValidationException ex)
            {
                Assert.True(ex.Message.Contains("ConnectionStrings:Redis", StringComparison.Ordinal) || ex.Message.Contains("Redis:", StringComparison.Ordinal), ex.Message);
                Assert.DoesNotContain(Password, ex.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(Misplaced, ex.Message, StringComparison.Ordinal);
                Interlocked.Increment(ref _refused);
                return;
            }

            Interlocked.Increment(ref _accepted);
            Assert.False(options.AbortOnConnectFail);
            Assert.InRange(options.ConnectTimeout, int.MinValue, 5000);
            Assert.DoesNotContain(Password, RedisConnection.Describe(options), StringComparison.Ordinal);
            Assert.DoesNotContain(Password, RedisConnection.Tls(configuration).ToString(), StringComparison.Ordinal);
            // Any TLS file turns TLS on; the CA and the client certificate are then in force.
            if (RedisConnection.Tls(configuration).Configured)
            {
                Assert.True(options.Ssl);
            }
        });

    [Fact]
    public void Both_outcomes_occur_so_the_property_exercises_each()
    {
        _accepted = _refused = 0;
        Check.One(Config.Quick.WithMaxTest(200).WithReplay(20261129, 7919).WithQuietOnSuccess(true), Random_redis_settings_give_connection_options_or_a_validation_error_naming_the_setting());
        Assert.True(_accepted > 20 && _refused > 20, $"accepted {_accepted}, refused {_refused}");
    }

    [Fact]
    public void The_tls_settings_describe_themselves_without_the_certificate_password()
    {
        var tls = new RedisTlsOptions { TrustedCaPath = "/etc/redis-tls/ca.crt", ClientCertificatePath = "/etc/redis-tls/client.pfx", ClientCertificatePassword = Password };

        Assert.DoesNotContain(Password, tls.ToString(), StringComparison.Ordinal);
        Assert.Contains("/etc/redis-tls/ca.crt", tls.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, RedisConnection.Describe(ConfigurationOptions.Parse($"127.0.0.1:6379,password={Password}")), StringComparison.Ordinal);
    }

    // Shared by every case of the property; removed when the test process ends.
    private static TestCertificates CreateCertificates()
    {
        var certificates = TestCertificates.Create();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => certificates.Dispose();
        return certificates;
    }
}
