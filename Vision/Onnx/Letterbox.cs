using OpenCvSharp;

namespace VibeCheck.Vision.Onnx;

/// <summary>
/// YOLO pre-processing: scale the frame to fit the network input keeping its aspect, pad the rest with grey 114,
/// write RGB planes scaled to [0, 1] (NCHW). <see cref="ToFrame"/> maps network boxes back to frame pixels.
/// </summary>
public readonly record struct Letterbox(double Scale, double PadX, double PadY, int InputWidth, int InputHeight)
{
    /// <summary>The transform for a frame of the given size into the network input.</summary>
    public static Letterbox For(int frameWidth, int frameHeight, int inputWidth, int inputHeight)
    {
        var scale = Math.Min(inputWidth / (double)frameWidth, inputHeight / (double)frameHeight);
        var width = (int)Math.Round(frameWidth * scale);
        var height = (int)Math.Round(frameHeight * scale);
        return new Letterbox(scale, (inputWidth - width) / 2, (inputHeight - height) / 2, inputWidth, inputHeight);
    }

    /// <summary>Fills <paramref name="tensor"/> (length 3·W·H) with the letterboxed RGB planes of <paramref name="bgr"/>.</summary>
    public void Fill(Mat bgr, Span<float> tensor)
    {
        var width = (int)Math.Round(bgr.Cols * Scale);
        var height = (int)Math.Round(bgr.Rows * Scale);
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(width, height), interpolation: InterpolationFlags.Linear);
        using var padded = new Mat();
        var left = (int)PadX;
        var top = (int)PadY;
        Cv2.CopyMakeBorder(resized, padded, top, InputHeight - height - top, left, InputWidth - width - left, BorderTypes.Constant, new Scalar(114, 114, 114));
        using var floats = new Mat();
        padded.ConvertTo(floats, MatType.CV_32FC3, 1 / 255.0);
        var plane = InputWidth * InputHeight;
        var pixels = floats.AsSpan<Vec3f>();
        for (var i = 0; i < plane; i++)
        {
            var p = pixels[i];
            tensor[i] = p.Item2;                 // R
            tensor[plane + i] = p.Item1;         // G
            tensor[(2 * plane) + i] = p.Item0;   // B
        }
    }

    /// <summary>A network-space centre box (cx, cy, w, h) in frame pixels, clipped to the frame.</summary>
    public BoundingBox ToFrame(double cx, double cy, double w, double h, int frameWidth, int frameHeight)
    {
        var x1 = Math.Clamp((cx - (w / 2) - PadX) / Scale, 0, frameWidth);
        var y1 = Math.Clamp((cy - (h / 2) - PadY) / Scale, 0, frameHeight);
        var x2 = Math.Clamp((cx + (w / 2) - PadX) / Scale, 0, frameWidth);
        var y2 = Math.Clamp((cy + (h / 2) - PadY) / Scale, 0, frameHeight);
        return new BoundingBox(x1, y1, x2 - x1, y2 - y1);
    }
}
