using OpenCvSharp;

namespace VibeCheck.Vision.Coco;

/// <summary>Writes a frame region into a model's input tensor in the layout and value range the model expects.</summary>
public static class ImageTensor
{
    // NanoDet was trained on BGR normalised by ImageNet statistics (RangiLyu/nanodet's img_norm_cfg).
    private static readonly float[] NanoDetMean = [103.53f, 116.28f, 123.675f];
    private static readonly float[] NanoDetStd = [57.375f, 57.12f, 58.395f];

    /// <summary>Fills <paramref name="tensor"/> (3·W·H floats); padding is the model's zero after normalisation.</summary>
    public static void Fill(Mat bgr, NetworkWindow window, CocoModelSpec spec, Span<float> tensor)
    {
        var width = Math.Min(window.InputWidth, Math.Max(1, (int)Math.Round(window.Region.Width * window.Scale)));
        var height = Math.Min(window.InputHeight, Math.Max(1, (int)Math.Round(window.Region.Height * window.Scale)));
        using var region = new Mat(bgr, window.Region);
        using var resized = new Mat();
        Cv2.Resize(region, resized, new Size(width, height), interpolation: InterpolationFlags.Linear);
        tensor.Clear();
        var plane = window.InputWidth * window.InputHeight;
        var pixels = resized.AsSpan<Vec3b>();
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                var p = row[x];
                var at = (y * window.InputWidth) + x;
                if (spec.ChannelsFirst)
                {
                    tensor[at] = (p.Item0 - NanoDetMean[0]) / NanoDetStd[0];
                    tensor[plane + at] = (p.Item1 - NanoDetMean[1]) / NanoDetStd[1];
                    tensor[(2 * plane) + at] = (p.Item2 - NanoDetMean[2]) / NanoDetStd[2];
                }
                else
                {
                    tensor[(3 * at) + 0] = p.Item2;
                    tensor[(3 * at) + 1] = p.Item1;
                    tensor[(3 * at) + 2] = p.Item0;
                }
            }
        }
    }
}
