using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace VibeCheck.Silo;

/// <summary>One Redis connection string (<c>ConnectionStrings:Redis</c>) serves clustering, storage, reminders and the cache.</summary>
public static class RedisConnection
{
    public const string Name = "Redis";
    public const string Default = "127.0.0.1:6379";

    /// <summary>Options that survive Redis going away: keep retrying instead of failing the first connect.</summary>
    public static ConfigurationOptions Options(IConfiguration configuration)
    {
        var options = ConfigurationOptions.Parse(configuration.GetConnectionString(Name) ?? Default);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 5000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 5000);
        return options;
    }
}
