using OpenCvSharp;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// JPEGs shaped like NYC DOT frames (352×240, a clock band at the top that changes every frame) that the tests
/// make themselves, so the suite needs no recorded data.
/// </summary>
public static class SyntheticFrames
{
    public const int Width = 352;
    public const int Height = 240;

    /// <summary>A textured street scene, seeded, with <paramref name="clock"/> burned into the top band.</summary>
    public static byte[] Scene(int seed, DateTime clock, int? boxX = null)
    {
        using var frame = new Mat(Height, Width, MatType.CV_8UC3);
        var random = new Random(seed);
        // Street pictures have texture everywhere (asphalt grain, markings, facades); a flat frame is a service card.
        var grain = new byte[Width * Height * 3];
        random.NextBytes(grain);
        for (var i = 0; i < grain.Length; i++)
        {
            grain[i] = (byte)(40 + grain[i] * 110 / 255);
        }

        using (var texture = Mat.FromPixelData(Height, Width, MatType.CV_8UC3, grain))
        {
            texture.CopyTo(frame);
        }
        Cv2.GaussianBlur(frame, frame, new Size(3, 3), 0);
        for (var i = 0; i < 120; i++)
        {
            var x = random.Next(Width);
            var y = random.Next(24, Height);
            Cv2.Rectangle(frame, new Rect(x, y, random.Next(4, 40), random.Next(2, 12)),
                new Scalar(random.Next(40, 200), random.Next(40, 200), random.Next(40, 200)), -1);
        }

        if (boxX is { } bx)
        {
            Cv2.Rectangle(frame, new Rect(bx, 150, 60, 30), new Scalar(20, 20, 220), -1);
        }

        Cv2.Rectangle(frame, new Rect(0, 0, Width, 18), Scalar.Black, -1);
        Cv2.PutText(frame, clock.ToString("MM/dd/yyyy HH:mm:ss"), new Point(4, 14), HersheyFonts.HersheySimplex, 0.45, Scalar.White);
        Cv2.ImEncode(".jpg", frame, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        return jpeg;
    }

    /// <summary>The same scene at successive clock times: byte-different frames of an unchanged picture.</summary>
    public static IReadOnlyList<byte[]> SameSceneTicking(int seed, int count) =>
        Enumerable.Range(0, count).Select(i => Scene(seed, new DateTime(2026, 11, 29, 8, 0, 0).AddSeconds(2 * i))).ToList();

    /// <summary>Pictures that really change: a box crossing the street.</summary>
    public static IReadOnlyList<byte[]> MovingScene(int seed, int count) =>
        Enumerable.Range(0, count).Select(i => Scene(seed, new DateTime(2026, 11, 29, 8, 0, 0).AddSeconds(2 * i), 10 + (i * 37 % 280))).ToList();

    /// <summary>A grey "camera being serviced" card: flat colour, a line of text.</summary>
    public static byte[] ServiceCard()
    {
        using var frame = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(128, 128, 128));
        Cv2.PutText(frame, "Camera being serviced", new Point(70, 125), HersheyFonts.HersheySimplex, 0.6, Scalar.White);
        Cv2.ImEncode(".jpg", frame, out var jpeg);
        return jpeg;
    }
}
