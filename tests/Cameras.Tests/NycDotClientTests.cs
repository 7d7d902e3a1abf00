using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.ReplayServer;

namespace VibeCheck.Cameras.Tests;

public sealed class NycDotClientTests(ReplayServerFixture replay) : IClassFixture<ReplayServerFixture>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0xFF, 0xD9];

    /// <summary>Attempt limit for the one test about hanging cameras; every other test waits as long as it takes.</summary>
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(2);

    private NycDotClient Client(int maxImageBytes = 1024 * 1024, TimeSpan? attemptTimeout = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NycDot:BaseUrl"] = replay.BaseUrl.ToString(),
            // A test that counts attempts must not have one end in a timeout before it reaches the server: on the first
            // run on a fresh machine (JIT, every test assembly starting at once on 2 cores) a 2-s limit did exactly
            // that, and Server_errors_are_retried saw 1 request instead of 2.
            ["NycDot:AttemptTimeout"] = (attemptTimeout ?? TimeSpan.FromSeconds(30)).ToString("c", CultureInfo.InvariantCulture),
            ["NycDot:Retries"] = "1",
            ["NycDot:RetryDelay"] = "00:00:00.010",
            ["NycDot:MaxImageBytes"] = maxImageBytes.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddNycDotClient(configuration).BuildServiceProvider();
        return services.GetRequiredService<NycDotClient>();
    }

    private Uri ImageUrl(Guid id) => new(replay.BaseUrl, $"/api/cameras/{id}/image");

    private Guid CameraWith(CameraFault fault, params byte[][] frames)
    {
        var id = Guid.NewGuid();
        replay.Scenario.SetFrames(id, frames.Length == 0 ? [Jpeg] : frames);
        replay.Scenario.SetFault(id, fault);
        return id;
    }

    [Fact]
    public async Task Fetches_a_jpeg_with_its_bytes()
    {
        var result = await Client().GetImageAsync(ImageUrl(CameraWith(CameraFault.None)), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(Jpeg, result.Jpeg);
        Assert.NotNull(result.LastModified);
    }

    [Theory]
    [InlineData(CameraFault.ServerError, FrameFetchFailure.ServerError)]
    [InlineData(CameraFault.NotFound, FrameFetchFailure.NotFound)]
    [InlineData(CameraFault.Hang, FrameFetchFailure.Timeout)]
    [InlineData(CameraFault.CorruptJpeg, FrameFetchFailure.None)]
    [InlineData(CameraFault.TruncatedJpeg, FrameFetchFailure.NotAJpeg)]
    [InlineData(CameraFault.Empty, FrameFetchFailure.NotAJpeg)]
    [InlineData(CameraFault.Png, FrameFetchFailure.NotAJpeg)]
    [InlineData(CameraFault.Html, FrameFetchFailure.NotAJpeg)]
    public async Task Each_camera_fault_becomes_a_named_failure_not_an_exception(CameraFault fault, FrameFetchFailure expected)
    {
        var client = fault == CameraFault.Hang ? Client(attemptTimeout: HangTimeout) : Client();
        var result = await client.GetImageAsync(ImageUrl(CameraWith(fault, Jpeg)), CancellationToken.None);

        // A corrupt body with intact JPEG markers passes the transport check; the analyser reports it.
        Assert.Equal(expected, result.Failure);
        Assert.Equal(expected == FrameFetchFailure.None, result.Error is null);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        var id = CameraWith(CameraFault.ServerError);

        var result = await Client().GetImageAsync(ImageUrl(id), CancellationToken.None);

        Assert.Equal(FrameFetchFailure.ServerError, result.Failure);
        Assert.Equal(2, replay.Scenario.ImageRequestsOf(id));
    }

    [Fact]
    public async Task Oversized_image_is_refused()
    {
        var big = new byte[4096];
        Jpeg.CopyTo(big, 0);
        big[^2] = 0xFF;
        big[^1] = 0xD9;

        var result = await Client(maxImageBytes: 2048).GetImageAsync(ImageUrl(CameraWith(CameraFault.None, big)), CancellationToken.None);

        Assert.Equal(FrameFetchFailure.TooLarge, result.Failure);
    }

    [Fact]
    public async Task Image_on_a_foreign_host_is_never_requested()
    {
        var result = await Client().GetImageAsync(new Uri("http://169.254.169.254/latest/meta-data"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("not an allowed camera host", result.Error);
    }

    [Fact]
    public async Task Registry_is_read_and_rewritten_to_the_replay_host()
    {
        var id = Guid.NewGuid();
        replay.Scenario.RegistryJson = $$"""
            [{"id":"{{id}}","name":"Broadway @ Houston St","latitude":40.7251,"longitude":-73.9966,"area":"Manhattan","isOnline":"true","imageUrl":"https://webcams.nyctmc.org/api/cameras/{{id}}/image"},
             {"id":"f09ab02e-8c25-431d-8547-e8b86e9e357b","name":"Great Jmaes Street @ A2 Rd","latitude":54.999389,"longitude":-7.321861,"area":"Derry City","isOnline":"true","imageUrl":"https://cctv.trafficwatchni.com/3292.jpg"}]
            """;
        replay.Scenario.RawRegistry = null;

        var result = await Client().GetCamerasAsync(CancellationToken.None);

        var camera = Assert.Single(result.Cameras);
        Assert.Equal(replay.BaseUrl.Host, camera.ImageUrl.Host);
        Assert.Single(result.Rejected);
    }

    [Fact]
    public async Task Registry_that_is_not_json_is_a_format_error()
    {
        var scenario = replay.Scenario;
        scenario.RawRegistry = Encoding.UTF8.GetBytes("<html>maintenance</html>");
        try
        {
            await Assert.ThrowsAsync<RegistryFormatException>(() => Client().GetCamerasAsync(CancellationToken.None));
        }
        finally
        {
            scenario.RawRegistry = null;
        }
    }
}
