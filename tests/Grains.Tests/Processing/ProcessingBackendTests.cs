using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VibeCheck.Grains.Processing;
using VibeCheck.Grains.Processing.PubSub;

namespace VibeCheck.Grains.Tests.Processing;

/// <summary><c>Processing:Backend</c> picks the consumer; its settings are checked before the silo starts.</summary>
public sealed class ProcessingBackendTests
{
    [Theory]
    [InlineData(null, typeof(ProcessingStreamConsumer))]
    [InlineData("redis", typeof(ProcessingStreamConsumer))]
    [InlineData("pubsub", typeof(PubSubProcessingConsumer))]
    [InlineData("PubSub", typeof(PubSubProcessingConsumer))]
    public void The_backend_setting_picks_the_consumer(string? backend, Type consumer)
    {
        var services = new ServiceCollection().AddVibeCheckProcessing(Configuration(("Processing:Backend", backend)));

        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType).ToList();

        Assert.Equal(consumer, Assert.Single(hosted));
    }

    [Fact]
    public void An_unknown_backend_stops_the_start_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => new ServiceCollection().AddVibeCheckProcessing(Configuration(("Processing:Backend", "kafka"))));

        Assert.Contains("Processing:Backend must be one of Redis, PubSub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pub_sub_settings_are_validated_at_start()
    {
        using var provider = new ServiceCollection()
            .AddVibeCheckProcessing(Configuration(
                ("Processing:Backend", "pubsub"),
                ("Processing:PubSub:MaxMessages", "0"),
                ("Processing:PubSub:AckDeadline", "00:20:00"),
                ("Processing:PubSub:BaseUrl", "pubsub.googleapis.com")))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PubSubProcessingOptions>>().Value);

        Assert.Contains("Project must be set", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMessages must be in 1..1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("AckDeadline must be from 1 s to 600 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_pub_sub_settings_with_a_project_are_valid()
    {
        Assert.Empty(new PubSubProcessingOptions { Project = "vibe-proj-1" }.Validate());
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
}
