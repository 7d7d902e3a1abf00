using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using Orleans.TestingHost;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Analytics;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Hosting;

namespace VibeCheck.Grains.Tests.Support;

/// <summary>
/// A one-silo cluster in this process with memory storage (<see cref="JsonMemoryGrainStorage"/>) and memory
/// reminders: grain logic without Redis, in seconds. The fault drills stay in Integration.Tests, on real Redis.
/// </summary>
public sealed class MemoryClusterFixture : IAsyncLifetime
{
    /// <summary>The storage every grain of the cluster writes to (one silo, so one instance).</summary>
    public static JsonMemoryGrainStorage Storage { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:DataDirectory"] = Path.Combine(Path.GetTempPath(), "vibecheck-grain-tests", Guid.NewGuid().ToString("N")),
            // Events go to Redis, and there is none here; Integration.Tests check them on real Redis.
            ["Events:Enabled"] = "false",
        }));
        builder.AddSiloBuilderConfigurator<MemorySiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class MemorySiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            foreach (var name in StorageNames.All)
            {
                silo.Services.AddKeyedSingleton<IGrainStorage>(name, Storage);
            }

            // As the silo does: persisted state names our own types, and only the filter lets them be read back.
            silo.Services.AddSingleton<Orleans.Serialization.ITypeNameFilter, VibeCheckTypeNameFilter>();
            silo.UseInMemoryReminderService();
            silo.Services.TryAddSingleton(TimeProvider.System);
            AlertGrainsServiceCollectionExtensions.AddVibeCheckAlertGrains(silo.Services, silo.Configuration);
            silo.Services.AddVibeCheckAnalytics(silo.Configuration);
            silo.Services.AddVibeCheckEvents(silo.Configuration);
            // It pings the silo's Redis connection, and there is none here.
            foreach (var monitor in silo.Services.Where(d => d.ImplementationType == typeof(SystemHealthMonitor)).ToList())
            {
                silo.Services.Remove(monitor);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MemoryClusterCollection : ICollectionFixture<MemoryClusterFixture>
{
    public const string Name = "memory cluster";
}
