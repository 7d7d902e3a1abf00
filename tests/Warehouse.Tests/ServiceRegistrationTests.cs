using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.BigQuery;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.DuckDb;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Warehouse.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task DuckDb_is_the_default_provider_and_uses_the_data_directory()
    {
        using var directory = new TempDirectory();
        await using var services = Build(new() { ["Warehouse:DataDirectory"] = directory.Path, ["Warehouse:BatchSize"] = "50" });

        var sink = services.GetRequiredService<IWarehouseSink>();
        var health = await sink.CheckHealthAsync(CancellationToken.None);

        Assert.IsType<DuckDbWarehouseSink>(sink);
        Assert.Same(services.GetRequiredService<WarehouseWriter>(), services.GetRequiredService<IWarehouseWriter>());
        Assert.Equal(50, services.GetRequiredService<IOptions<WarehouseOptions>>().Value.BatchSize);
        Assert.True(health.Healthy, health.Detail);
        Assert.True(File.Exists(Path.Combine(directory.Path, "vibecheck.duckdb")));
    }

    [Fact]
    public async Task BigQuery_without_a_project_fails_validation()
    {
        await using var services = Build(new() { ["Warehouse:Provider"] = "BigQuery" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WarehouseOptions>>().Value);

        Assert.Contains("ProjectId", error.Message);
    }

    [Fact]
    public async Task Bad_writer_settings_fail_validation()
    {
        await using var services = Build(new() { ["Warehouse:BatchSize"] = "0", ["Warehouse:FlushInterval"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WarehouseOptions>>().Value);

        Assert.Contains("BatchSize", error.Message);
        Assert.Contains("FlushInterval", error.Message);
    }

    [Fact]
    public async Task BigQuery_provider_talks_to_the_configured_base_url()
    {
        await using var server = await LoopbackBigQuery.StartAsync();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<IBigQueryAccessTokenSource>(new StaticAccessTokenSource(LoopbackBigQuery.Token));
        collection.AddVibeCheckWarehouse(Configuration(new()
        {
            ["Warehouse:Provider"] = "BigQuery",
            ["Warehouse:BigQuery:ProjectId"] = LoopbackBigQuery.Project,
            ["Warehouse:BigQuery:Dataset"] = "analytics_test",
            ["Warehouse:BigQuery:BaseUrl"] = server.BaseUrl,
        }));
        await using var services = collection.BuildServiceProvider();

        var sink = services.GetRequiredService<IWarehouseSink>();
        var health = await sink.CheckHealthAsync(CancellationToken.None);

        Assert.IsType<BigQueryWarehouseSink>(sink);
        Assert.True(health.Healthy, health.Detail);
        Assert.Equal($"/bigquery/v2/projects/{LoopbackBigQuery.Project}/datasets", server.Requests.First().PathAndQuery);
        Assert.Contains(server.Requests, r => r.PathAndQuery.EndsWith("/datasets/analytics_test/tables", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> values) =>
        new ServiceCollection().AddLogging().AddVibeCheckWarehouse(Configuration(values)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
