using OpenCvSharp;

namespace VibeCheck.Integration.Tests.Vision;

/// <summary>
/// 352×240 street JPEGs with known content for the detection tests: a fixed textured background with structure, a
/// clock band whose text changes every frame, and optional vehicles (a dark red body with a light windshield strip).
/// </summary>
public static class StreetScene
{
    // Generated once: the noise comes from OpenCV's global generator, and every frame must share the same street.
    private static readonly Lazy<Mat> Street = new(Background);

    /// <summary>A vehicle standing with its bottom-centre at (195, 185), inside <see cref="BikeLane"/>.</summary>
    public static readonly Rect StoppedVehicle = new(150, 130, 90, 55);

    /// <summary>A bike-lane zone across the lower middle of the picture, as the API takes it.</summary>
    public static readonly object[] BikeLane =
    [
        new { name = "lane", type = "bike_lane", points = new[] { new[] { 100, 150 }, [300, 150], [300, 230], [100, 230] } },
    ];

    /// <summary>One frame: background, vehicles, then the clock text for <paramref name="index"/>.</summary>
    public static byte[] Frame(int index, params Rect[] vehicles)
    {
        using var frame = Street.Value.Clone();
        foreach (var box in vehicles)
        {
            Cv2.Rectangle(frame, box, new Scalar(20, 20, 180), -1);
            Cv2.Rectangle(frame, new Rect(box.X + 3, box.Y + 3, Math.Max(box.Width - 6, 1), Math.Max(box.Height / 3, 1)), new Scalar(200, 230, 240), -1);
        }

        Cv2.Rectangle(frame, new Rect(0, 0, SyntheticFrames.Width, 18), Scalar.All(0), -1);
        var clock = new DateTime(2026, 8, 7, 18, 30, 0).AddSeconds(2 * index);
        Cv2.PutText(frame, clock.ToString("MM/dd/yyyy HH:mm:ss"), new Point(4, 14), HersheyFonts.HersheySimplex, 0.45, Scalar.All(255), 1);
        Cv2.ImEncode(".jpg", frame, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        return bytes;
    }

    /// <summary>
    /// <paramref name="before"/> empty frames, <paramref name="stopped"/> frames with the vehicle standing in the lane,
    /// then <paramref name="after"/> empty frames.
    /// </summary>
    public static IReadOnlyList<byte[]> StoppedVehicleSequence(int before, int stopped, int after) =>
        Enumerable.Range(0, before + stopped + after)
            .Select(i => i >= before && i < before + stopped ? Frame(i, StoppedVehicle) : Frame(i))
            .ToList();

    private static Mat Background()
    {
        var background = new Mat(SyntheticFrames.Height, SyntheticFrames.Width, MatType.CV_8UC3);
        var random = new Random(7);
        using (var noise = new Mat(SyntheticFrames.Height, SyntheticFrames.Width, MatType.CV_8UC3))
        {
            Cv2.Randu(noise, Scalar.All(60), Scalar.All(150));
            Cv2.GaussianBlur(noise, background, new Size(3, 3), 0);
        }

        Cv2.Rectangle(background, new Rect(0, 20, SyntheticFrames.Width, 60), new Scalar(110, 120, 130), -1);
        for (var i = 0; i < 12; i++)
        {
            var x = random.Next(0, SyntheticFrames.Width - 30);
            Cv2.Rectangle(background, new Rect(x, 25, 20 + random.Next(20), 50), new Scalar(random.Next(40, 200), random.Next(40, 200), random.Next(40, 200)), -1);
        }

        Cv2.Line(background, new Point(0, 200), new Point(SyntheticFrames.Width, 150), new Scalar(230, 230, 230), 3);
        Cv2.Line(background, new Point(60, 239), new Point(170, 90), new Scalar(200, 220, 230), 2);
        return background;
    }
}
