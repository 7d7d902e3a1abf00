using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCheck.Gateway.Live;
using VibeCheck.Gateway.Security;
using VibeCheck.Grains;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Cameras;
using VibeCheck.Grains.Forecasting;
using VibeCheck.Warehouse;
using VibeCheck.Warehouse.Configuration;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// Random values for every simple setting of the silo's and gateway's option sections (Cameras, AlertMonitor,
/// Forecasting, Warehouse, RateLimits, Live, the frame proxy's Cameras:RefreshPeriod), registered as the hosts register them: the result is options, or an
/// <see cref="OptionsValidationException"/> naming a setting that was set and never quoting its value; no other
/// exception. A value the binder cannot convert used to escape as an InvalidOperationException quoting the value.
/// Fixed seeds via Replay.
/// </summary>
public sealed class ServiceSettingsProperties
{
    private const string Secret = "s3cr3t-Value-9f1c";

    private static readonly string[] Values =
    [
        "", " ", "abc", Secret, "-1", "0", "1", "2", "100", "2147483648", "1e3", "0.5", "1.5", "NaN", "true", "false",
        "00:00:00", "00:00:01", "00:00:05", "-00:00:01", "01:00:00", "10675199.02:48:05.4775807", "http://127.0.0.1:1/", "/tmp/x", "\u0000",
    ];

    [Property(MaxTest = 200, Replay = "(20261129,31337)")]
    public Property Cameras_settings() => Check<CameraPollingOptions>(CameraPollingOptions.SectionName, (s, c) => s.AddVibeCheckGrainServices(c));

    [Property(MaxTest = 200, Replay = "(20261129,31343)")]
    public Property Alert_monitor_settings() => Check<SystemMonitorOptions>(SystemMonitorOptions.SectionName, (s, c) => s.AddVibeCheckAlertGrains(c));

    [Property(MaxTest = 200, Replay = "(20261129,31339)")]
    public Property Forecasting_settings() => Check<ForecastingOptions>(ForecastingOptions.SectionName, (s, c) => s.AddVibeCheckForecasting(c));

    [Property(MaxTest = 200, Replay = "(20261129,31345)")]
    public Property Warehouse_settings() => Check<WarehouseOptions>(WarehouseOptions.SectionName, (s, c) => s.AddVibeCheckWarehouse(c));

    [Property(MaxTest = 200, Replay = "(20261129,31341)")]
    public Property Rate_limit_settings() => Check<RateLimitOptions>(RateLimitOptions.SectionName, (s, c) => s.AddVibeCheckSecurity(c));

    [Property(MaxTest = 200, Replay = "(20261129,31347)")]
    public Property Live_update_settings() => Check<LiveUpdateOptions>(LiveUpdateOptions.SectionName, (s, c) => s.AddVibeCheckWebPage(c));

    [Property(MaxTest = 100, Replay = "(20261129,31349)")]
    public Property Frame_proxy_settings() => Check<FrameProxyOptions>(FrameProxyOptions.SectionName, (s, c) => s.AddVibeCheckWebPage(c));

    private static Property Check<T>(string section, Action<IServiceCollection, IConfiguration> register)
        where T : class
    {
        var keys = SimpleSettings(typeof(T));
        Assert.NotEmpty(keys);
        var settings = Gen.ListOf(Gen.Zip(Gen.Elements(keys), Gen.Elements(Values)), 3).Select(pairs =>
        {
            var result = new Dictionary<string, string?>();
            foreach (var (key, value) in pairs)
            {
                result[$"{section}:{key}"] = value;
            }

            return result;
        });
        return Prop.ForAll(settings.ToArbitrary(), values =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            try
            {
                // Some settings are read while registering (the warehouse provider), the rest when the options are first used.
                register(services, configuration);
                using var provider = services.BuildServiceProvider();
                Assert.NotNull(provider.GetRequiredService<IOptions<T>>().Value);
            }
            catch (OptionsValidationException ex)
            {
                var set = values.Keys.Select(k => k[(section.Length + 1)..]).ToList();
                Assert.Contains(set, key => ex.Message.Contains(key, StringComparison.Ordinal));
                Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
            }
        });
    }

    /// <summary>The settable properties a single configuration value binds to.</summary>
    private static string[] SimpleSettings(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && IsSimple(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Select(p => p.Name)
            .ToArray();

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(decimal);
}
