using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VibeCheck.Cameras.Tests;

/// <summary>
/// Random values for the <c>NycDot</c> keys, bound as the silo binds them: the result is options within the documented
/// limits, or an <see cref="OptionsValidationException"/> that names the offending setting; no other exception.
/// Fixed seed via Replay.
/// </summary>
public sealed class NycDotOptionsProperties
{
    private static readonly string[] Keys = ["BaseUrl", "AttemptTimeout", "Retries", "RetryDelay", "MaxImageBytes", "MaxRegistryBytes", "AdditionalImageHosts:0"];

    private static Gen<string?> RandomValue =>
        Gen.OneOf(
            Gen.Elements<string?>(null, "", " ", "abc", "-1", "0", "1", "5", "6", "2147483648", "1e3", "00:00:05", "-00:00:01", "00:00:00", "10675199.02:48:05.4775807",
                "1.00:00:00", "00:01:00.001", "http://127.0.0.1:5080/", "https://webcams.nyctmc.org", "ftp://x/", "webcams.nyctmc.org", "/relative", "https://", "\u0000"),
            Gen.Choose(-10_000_000, 300_000_000).Select(n => (string?)n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Gen<Dictionary<string, string?>> Settings =>
        Gen.ListOf(Gen.Zip(Gen.Elements(Keys), RandomValue), 4).Select(pairs =>
        {
            var settings = new Dictionary<string, string?>();
            foreach (var (key, value) in pairs)
            {
                settings["NycDot:" + key] = value;
            }

            return settings;
        });

    [Property(MaxTest = 300, Replay = "(20261129,7919)")]
    public Property Random_settings_give_valid_options_or_a_validation_error_naming_the_setting() =>
        Prop.ForAll(Settings.ToArbitrary(), settings =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            using var provider = new ServiceCollection().AddNycDotClient(configuration).BuildServiceProvider();
            NycDotOptions options;
            try
            {
                options = provider.GetRequiredService<IOptions<NycDotOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                Assert.Contains(settings.Keys.Select(k => k.Split(':')[1]), member => ex.Message.Contains(member, StringComparison.Ordinal));
                return;
            }

            Assert.True(options.BaseUrl.IsAbsoluteUri && options.BaseUrl.Scheme is "http" or "https", options.BaseUrl.ToString());
            Assert.InRange(options.AttemptTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
            Assert.InRange(options.Retries, 0, 5);
            Assert.InRange(options.RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
            Assert.InRange(options.MaxImageBytes, 1024, 16 * 1024 * 1024);
            Assert.NotEmpty(options.AllowedImageHosts());
            Assert.All(options.AllowedImageHosts(), h => Assert.False(string.IsNullOrWhiteSpace(h)));
            // The HTTP client and its resilience pipeline build from these options without complaint.
            Assert.NotNull(provider.GetRequiredService<NycDotClient>());
        });
}
