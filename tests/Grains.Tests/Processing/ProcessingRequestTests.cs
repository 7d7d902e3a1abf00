using VibeCheck.Grains.Processing;

namespace VibeCheck.Grains.Tests.Processing;

public sealed class ProcessingRequestTests
{
    private const string Camera = "0d4f5b1e-2a3c-4b5d-8e6f-7a8b9c0d1e2f";

    [Theory]
    [InlineData("{\"cameraId\": \"" + Camera + "\"}", ProcessingAction.Process)]
    [InlineData("{\"cameraId\": \"" + Camera + "\", \"action\": \"process\"}", ProcessingAction.Process)]
    [InlineData("{\"cameraId\": \"" + Camera + "\", \"action\": \"refit\", \"note\": \"ignored\"}", ProcessingAction.Refit)]
    public void A_well_formed_request_names_its_camera_and_action(string data, ProcessingAction action)
    {
        var request = ProcessingRequest.Parse(data, out var reason);

        Assert.Equal(new ProcessingRequest(Guid.Parse(Camera), action), request);
        Assert.Equal("", reason);
    }

    [Theory]
    [InlineData(null, "no data field")]
    [InlineData("", "no data field")]
    [InlineData("not json", "not JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{}", "cameraId must be a camera UUID")]
    [InlineData("{\"cameraId\": 42}", "cameraId must be a camera UUID")]
    [InlineData("{\"cameraId\": \"not-a-uuid\"}", "cameraId must be a camera UUID")]
    [InlineData("{\"cameraId\": \"" + Camera + "\", \"action\": \"delete\"}", "action must be")]
    [InlineData("{\"cameraId\": \"" + Camera + "\", \"action\": 1}", "action must be")]
    public void A_malformed_request_is_refused_with_the_reason(string? data, string reason)
    {
        Assert.Null(ProcessingRequest.Parse(data, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_request_is_refused()
    {
        var data = "{\"cameraId\": \"" + Camera + "\", \"pad\": \"" + new string('x', ProcessingRequest.MaxDataLength) + "\"}";
        Assert.Null(ProcessingRequest.Parse(data, out var why));
        Assert.Contains("more than", why, StringComparison.Ordinal);
    }
}
