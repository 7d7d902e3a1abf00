using OpenCvSharp;
using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Tests.Coco;

public sealed class ImageTensorTests
{
    [Fact]
    public void CenterNet_gets_RGB_planes_of_raw_values_with_zero_padding()
    {
        using var frame = new Mat(2, 3, MatType.CV_8UC3, new Scalar(10, 20, 30)); // B, G, R
        var window = new NetworkWindow(new Rect(0, 0, 3, 2), 1, 4, 4);
        var tensor = Enumerable.Repeat(-1f, 3 * 16 + 5).ToArray();

        ImageTensor.Fill(frame, window, CocoModelSpec.CenterNet, tensor);

        for (var c = 0; c < 3; c++)
        {
            var expected = c switch { 0 => 30f, 1 => 20f, _ => 10f };
            for (var y = 0; y < 4; y++)
            {
                for (var x = 0; x < 4; x++)
                {
                    Assert.Equal(x < 3 && y < 2 ? expected : 0f, tensor[(c * 16) + (y * 4) + x]);
                }
            }
        }

        Assert.All(tensor[48..], v => Assert.Equal(-1f, v));
    }

    [Fact]
    public void NanoDet_gets_BGR_planes_normalised_by_ImageNet_statistics()
    {
        using var frame = new Mat(1, 1, MatType.CV_8UC3, new Scalar(103.53 + 57.375, 116.28, 123.675 - 58.395));
        var window = new NetworkWindow(new Rect(0, 0, 1, 1), 1, 1, 1);
        var tensor = new float[3];

        ImageTensor.Fill(frame, window, CocoModelSpec.NanoDet, tensor);

        // Pixels are bytes, so the means round: 161 for 160.905, 116, 65 for 65.28.
        Assert.Equal((161 - 103.53f) / 57.375f, tensor[0], 4);
        Assert.Equal((116 - 116.28f) / 57.12f, tensor[1], 4);
        Assert.Equal((65 - 123.675f) / 58.395f, tensor[2], 4);
    }

    [Fact]
    public void A_tensor_too_small_for_the_window_is_refused()
    {
        using var frame = new Mat(2, 2, MatType.CV_8UC3, Scalar.All(0));
        var window = new NetworkWindow(new Rect(0, 0, 2, 2), 1, 32, 32);
        Assert.Throws<ArgumentException>(() => ImageTensor.Fill(frame, window, CocoModelSpec.CenterNet, new float[100]));
    }
}
