using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using VibeCheck.Grains.Analytics;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Integration.Tests.Analytics;

/// <summary>The analytics services of one in-process test silo, as a grain on that silo would see them.</summary>
public static class SiloWarehouse
{
    public static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    public static IAnalyticsRecorder Recorder(SiloHandle silo) => Services(silo).GetRequiredService<IAnalyticsRecorder>();

    public static IWarehouseWriter Writer(SiloHandle silo) => Services(silo).GetRequiredService<IWarehouseWriter>();

    /// <summary>Flushes every silo's writer: afterwards every row recorded before is in the warehouse.</summary>
    public static async Task FlushAllAsync(VibeCheckCluster system)
    {
        foreach (var silo in system.Cluster.Silos)
        {
            await Writer(silo).FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
    }
}
