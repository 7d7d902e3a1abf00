using OpenCvSharp;

namespace VibeCheck.Vision.Tests;

/// <summary>
/// Builds 352×240 street-like JPEGs with known content: a fixed textured background, a black clock band whose text
/// changes every frame, optional boxes (vehicles) and a global lighting factor.
/// </summary>
internal sealed class SyntheticScene : IDisposable
{
    public const int Width = 352;
    public const int Height = 240;
    public const int ClockBand = 18;

    private readonly Mat _background;

    public SyntheticScene(int seed = 7)
    {
        _background = new Mat(Height, Width, MatType.CV_8UC3);
        var random = new Random(seed);
        using var noise = new Mat(Height, Width, MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(60), Scalar.All(150));
        Cv2.GaussianBlur(noise, _background, new Size(3, 3), 0);
        // Road markings and buildings: strong, fixed structure so the hash has something to describe.
        Cv2.Rectangle(_background, new Rect(0, 20, Width, 60), new Scalar(110, 120, 130), -1);
        for (var i = 0; i < 12; i++)
        {
            var x = random.Next(0, Width - 30);
            Cv2.Rectangle(_background, new Rect(x, 25, 20 + random.Next(20), 50), new Scalar(random.Next(40, 200), random.Next(40, 200), random.Next(40, 200)), -1);
        }

        Cv2.Line(_background, new Point(0, 200), new Point(Width, 150), new Scalar(230, 230, 230), 3);
        Cv2.Line(_background, new Point(60, 239), new Point(170, 90), new Scalar(200, 220, 230), 2);
    }

    /// <summary>One frame: background, boxes, lighting factor, then the clock text for <paramref name="frameIndex"/>.</summary>
    public byte[] Frame(int frameIndex, IEnumerable<Rect>? boxes = null, double lighting = 1.0)
    {
        using var frame = _background.Clone();
        foreach (var box in boxes ?? [])
        {
            Cv2.Rectangle(frame, box, new Scalar(20, 20, 180), -1);
            Cv2.Rectangle(frame, new Rect(box.X + 3, box.Y + 3, Math.Max(box.Width - 6, 1), Math.Max(box.Height / 3, 1)), new Scalar(200, 230, 240), -1);
        }

        if (Math.Abs(lighting - 1.0) > 1e-9)
        {
            frame.ConvertTo(frame, MatType.CV_8UC3, lighting);
        }

        Cv2.Rectangle(frame, new Rect(0, 0, Width, ClockBand), Scalar.All(0), -1);
        var clock = new DateTime(2026, 8, 7, 18, 30, 0).AddSeconds(2 * frameIndex);
        Cv2.PutText(frame, clock.ToString("MM/dd/yyyy HH:mm:ss"), new Point(4, 14), HersheyFonts.HersheySimplex, 0.45, Scalar.All(255), 1);
        Cv2.ImEncode(".jpg", frame, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        return bytes;
    }

    public void Dispose() => _background.Dispose();
}
