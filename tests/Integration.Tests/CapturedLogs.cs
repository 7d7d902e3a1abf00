using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// Every log line of one test system's silos and gateway, as text with its exception, so a test can assert what
/// never appears in them (a secret). Silos find it by their ServiceId, since TestCluster builds them from a type.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly ConcurrentDictionary<string, CapturedLogs> ByServiceId = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public static void Register(string serviceId, CapturedLogs logs) => ByServiceId[serviceId] = logs;

    public static CapturedLogs? For(string? serviceId) =>
        serviceId is not null && ByServiceId.TryGetValue(serviceId, out var logs) ? logs : null;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Bounded: a runaway logger must not exhaust the test's memory.
            if (lines.Count < 200_000)
            {
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
