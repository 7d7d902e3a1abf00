using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VibeCheck.Warehouse.BigQuery;
using VibeCheck.Warehouse.Configuration;

namespace VibeCheck.Warehouse.Tests;

internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>A Kestrel app on 127.0.0.1 that records requests and answers them as BigQuery would, per test script.</summary>
internal sealed class LoopbackBigQuery : IAsyncDisposable
{
    public const string Project = "vibe-proj-1";
    public const string Token = "test-access-token";
    private readonly WebApplication _app;

    private LoopbackBigQuery(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answer to a request: status and JSON body. Defaults to 200 <c>{}</c>.</summary>
    public Func<RecordedRequest, (int Status, string Body)> Respond { get; set; } = _ => (200, "{}");

    public string BaseUrl => _app.Urls.First();

    public static async Task<LoopbackBigQuery> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackBigQuery(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync());
            server.Requests.Enqueue(request);
            var (status, body) = server.Respond(request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=UTF-8";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        return server;
    }

    public WarehouseOptions Options(Action<BigQueryOptions>? configure = null)
    {
        var options = new WarehouseOptions { Provider = WarehouseProvider.BigQuery };
        options.BigQuery.ProjectId = Project;
        options.BigQuery.Location = "US";
        options.BigQuery.BaseUrl = BaseUrl;
        options.BigQuery.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        configure?.Invoke(options.BigQuery);
        return options;
    }

    public BigQueryClient Client(WarehouseOptions options) => new(new HttpClient(), new StaticAccessTokenSource(Token),
        Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<BigQueryClient>.Instance);

    public BigQueryWarehouseSink Sink(Action<BigQueryOptions>? configure = null)
    {
        var options = Options(configure);
        return new BigQueryWarehouseSink(Client(options), Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
    }

    public RecordedRequest[] Matching(string pathPart) => Requests.Where(r => r.PathAndQuery.Contains(pathPart, StringComparison.Ordinal)).ToArray();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
