// Serves recorded NYC DOT frames on loopback, answering like https://webcams.nyctmc.org/api.
// dotnet run --project ReplayServer -- --urls http://127.0.0.1:5080 --Replay:RegistryPath=... --Replay:FramesDirectory=...
using VibeCheck.ReplayServer;

var app = ReplayApp.Build(args);
await app.RunAsync();
