using VibeCheck.Gateway;

var app = GatewayApplication.Build(args);
// Taken before the run: RunAsync disposes the host, and with it the lifetime, before an exception reaches us.
var stopping = app.Lifetime.ApplicationStopping;
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // SIGTERM or Ctrl-C while the cluster client still waited for a silo cancels the host's start: a normal stop,
    // not the crash ("Unhandled exception", exit code 134) it was reported as. The loggers are disposed by now.
    Console.Out.WriteLine("VibeCheck gateway stopped before any silo answered");
}
