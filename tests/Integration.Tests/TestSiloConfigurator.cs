using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using VibeCheck.Redis;
using VibeCheck.Silo;

namespace VibeCheck.Integration.Tests;

/// <summary>Test silos run the production wiring, on the Redis and replay server named in the test configuration.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddVibeCheck(siloBuilder.Configuration, standalone: false);
        if (CapturedLogs.For(siloBuilder.Configuration["Orleans:ServiceId"]) is { } logs)
        {
            siloBuilder.Services.AddLogging(logging => logging.AddProvider(logs));
        }
    }
}

/// <summary>The TestCluster's own client finds the silos through the same Redis membership table.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Options(configuration));
}
