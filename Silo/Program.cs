using VibeCheck.Grains.Analytics;
using VibeCheck.Grains.Telemetry;
using VibeCheck.ServiceDefaults;
using VibeCheck.Silo;
using VibeCheck.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddVibeCheck(builder.Configuration));
builder.AddServiceDefaults(CameraMetrics.MeterName, DetectorMetrics.MeterName, WarehouseMetrics.MeterName, ProcessingMetrics.MeterName);
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
builder.AddBoundedStop();

var app = builder.Build();
// Loads the detector at start (model check and translation logged before any camera polls) and its metrics with it.
app.Services.GetRequiredService<DetectorMetrics>();
// Liveness must not depend on Redis: a silo that lost Redis should be left to recover, not restarted.
app.MapGet("/alive", () => TypedResults.Ok("alive"));
app.MapHealthChecks("/health");
app.MapDefaultEndpoints();
await app.RunAsync();
