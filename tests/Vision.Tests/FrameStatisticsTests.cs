using OpenCvSharp;
using VibeCheck.Vision.BackgroundSubtraction;

namespace VibeCheck.Vision.Tests;

public sealed class FrameStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 7, 18, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, byte[]> BadInputs()
    {
        using var scene = new SyntheticScene();
        var good = scene.Frame(0);
        using var picture = new Mat(240, 352, MatType.CV_8UC3, Scalar.All(90));
        Cv2.ImEncode(".png", picture, out var png);
        var garbled = (byte[])good.Clone();
        Array.Fill(garbled, (byte)0x5A, 2, garbled.Length - 4);
        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "truncated", good[..(good.Length / 2)] },
            { "png", png },
            { "html", "<html><body>503 Service Unavailable</body></html>"u8.ToArray() },
            { "garbled", garbled },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_bytes_are_reported_not_thrown(string kind, byte[] bytes)
    {
        using var camera = new BackgroundSubtractionAnalyzer().CreateForCamera("cam");
        var analysis = camera.Analyze(bytes, T0, []);
        Assert.False(string.IsNullOrWhiteSpace(analysis.Error), kind);
        Assert.Null(analysis.Statistics);
        Assert.Empty(analysis.Detections);
        Assert.Equal("background-subtraction/1.0", analysis.Detector);
    }

    [Fact]
    public void Hash_ignores_the_clock_band_but_sees_the_picture_change()
    {
        using var scene = new SyntheticScene();
        using var camera = new BackgroundSubtractionAnalyzer().CreateForCamera("cam");
        var first = camera.Analyze(scene.Frame(0), T0, []).Statistics!;
        var clockTicked = camera.Analyze(scene.Frame(17), T0.AddSeconds(34), []).Statistics!;
        var carArrived = camera.Analyze(scene.Frame(18, [new Rect(120, 120, 110, 70)]), T0.AddSeconds(36), []).Statistics!;

        Assert.Equal(16, first.PerceptualHash.Length);
        Assert.True(FrameHashes.LookUnchanged(first.PerceptualHash, clockTicked.PerceptualHash),
            $"clock-only change moved the hash by {FrameHashes.HammingDistance(first.PerceptualHash, clockTicked.PerceptualHash)} bits");
        Assert.True(FrameHashes.HammingDistance(first.PerceptualHash, carArrived.PerceptualHash) > FrameHashes.DefaultFrozenDistance);
        Assert.Equal(first.MeanBrightness, clockTicked.MeanBrightness, 0.5);
        Assert.Equal((352, 240), (first.Width, first.Height));
    }

    [Fact]
    public void Service_card_scores_high_and_street_scores_low()
    {
        using var scene = new SyntheticScene();
        using var card = new Mat(240, 352, MatType.CV_8UC3, Scalar.All(128));
        Cv2.PutText(card, "CAMERA BEING SERVICED", new Point(60, 125), HersheyFonts.HersheySimplex, 0.6, Scalar.All(255), 1);
        Cv2.ImEncode(".jpg", card, out var cardJpeg);
        using var camera = new BackgroundSubtractionAnalyzer().CreateForCamera("cam");

        var street = camera.Analyze(scene.Frame(0), T0, []).Statistics!;
        var serviced = camera.Analyze(cardJpeg, T0.AddSeconds(2), []).Statistics!;

        Assert.True(serviced.ServiceCardLikelihood > 0.8, $"card {serviced.ServiceCardLikelihood}");
        Assert.True(street.ServiceCardLikelihood < 0.4, $"street {street.ServiceCardLikelihood}");
        Assert.True(serviced.Contrast < street.Contrast);
    }

    [Theory]
    [InlineData("0000000000000000", "0000000000000000", 0)]
    [InlineData("0000000000000000", "000000000000000f", 4)]
    [InlineData("ffffffffffffffff", "0000000000000000", 64)]
    [InlineData("not-a-hash", "0000000000000000", 64)]
    [InlineData(null, "0000000000000000", 64)]
    public void Hamming_distance_counts_bits_and_treats_garbage_as_different(string? a, string b, int expected) =>
        Assert.Equal(expected, FrameHashes.HammingDistance(a, b));
}
