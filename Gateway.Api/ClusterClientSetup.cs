using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;
using VibeCheck.Redis;

namespace VibeCheck.Gateway;

/// <summary>Connects the gateway to the cluster through the same Redis membership table the silos use.</summary>
public static class ClusterClientSetup
{
    public static WebApplicationBuilder AddVibeCheckClusterClient(this WebApplicationBuilder builder)
    {
        // The silos' own connection settings (password, TLS, private CA, client certificate), not a second copy of them.
        var redis = RedisConnection.Options(builder.Configuration);
        var clusterId = builder.Configuration["Orleans:ClusterId"] ?? "vibecheck";
        var serviceId = builder.Configuration["Orleans:ServiceId"] ?? "vibecheck";

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
            client.AddDashboard();
            client.AddMemoryStreams(VibeCheck.Grains.Interfaces.Live.LiveStreams.Provider);
            // The gateway may start before any silo: keep trying instead of failing the host.
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                return true;
            });
        });
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            // The gateway's own Redis commands (health, frame cache) fail at once while the connection is down, with
            // the connection's failure (an authentication failure, a refused handshake) instead of queueing until a
            // timeout that says nothing.
            var options = redis.Clone();
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        // The client's start waits for the cluster (retry filter above). Started one after the other, Kestrel would
        // wait with it: a gateway given a wrong Redis password, or started before any silo, would never listen, so
        // /alive and /health could not say why. Concurrently, the HTTP server listens while the client connects.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return builder;
    }
}
