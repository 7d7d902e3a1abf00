namespace VibeCheck.Gateway;

/// <summary>
/// Waits for the whole host to have started, i.e. for the Orleans client to be connected. Hosted services start
/// concurrently (so Kestrel answers /alive and /health while the client connects), and the background services that
/// call the cluster wait here instead of failing and retrying until it is there.
/// </summary>
public static class HostStarted
{
    public static Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task.ContinueWith(
            task =>
            {
                onStarted.Dispose();
                onStopping.Dispose();
                return task;
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
    }
}
