using VibeCheck.Gateway;

var app = GatewayApplication.Build(args);
await app.RunAsync();
