namespace VibeCheck.Integration.Tests;

/// <summary>
/// The Redis most tests share: the one <c>VIBECHECK_TEST_REDIS</c> names (CI starts it), else one started for
/// this test run. Each cluster uses its own ServiceId, so tests never see each other's keys.
/// </summary>
public static class SharedRedis
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;
    private static RedisServer? _owned;

    public static async Task<string> ConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_connectionString is not null)
            {
                return _connectionString;
            }

            var configured = Environment.GetEnvironmentVariable("VIBECHECK_TEST_REDIS");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                await RedisServer.WaitUntilAnswersAsync(configured, TimeSpan.FromSeconds(10));
                return _connectionString = configured;
            }

            _owned = await RedisServer.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _owned.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            return _connectionString = _owned.ConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }
}
