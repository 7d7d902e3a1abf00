using OpenCvSharp;

namespace VibeCheck.FramePath.Bench;

/// <summary>
/// 352×240 street JPEGs for the motion detector, as the detection tests draw them: a textured street, a clock band that
/// changes every frame, and a vehicle that drives into the bike lane, stands there, and leaves.
/// </summary>
public static class StreetFrames
{
    public const int Width = 352;
    public const int Height = 240;

    /// <summary>The bike lane every camera gets, in the API's zone form.</summary>
    public static readonly (string Name, string Type, int[][] Points) BikeLane =
        ("lane", "bike_lane", [[100, 150], [300, 150], [300, 230], [100, 230]]);

    private static readonly Rect StoppedVehicle = new(150, 130, 90, 55);

    /// <summary>One cycle: <paramref name="empty"/> empty frames, <paramref name="stopped"/> with the vehicle standing, <paramref name="empty"/> empty.</summary>
    public static IReadOnlyList<byte[]> Cycle(int empty, int stopped)
    {
        using var street = Street();
        return [.. Enumerable.Range(0, 2 * empty + stopped).Select(i => Frame(street, i, i >= empty && i < empty + stopped))];
    }

    private static byte[] Frame(Mat street, int index, bool vehicle)
    {
        using var frame = street.Clone();
        if (vehicle)
        {
            var box = StoppedVehicle;
            Cv2.Rectangle(frame, box, new Scalar(20, 20, 180), -1);
            Cv2.Rectangle(frame, new Rect(box.X + 3, box.Y + 3, box.Width - 6, box.Height / 3), new Scalar(200, 230, 240), -1);
        }

        Cv2.Rectangle(frame, new Rect(0, 0, Width, 18), Scalar.All(0), -1);
        var clock = new DateTime(2026, 8, 7, 18, 30, 0).AddSeconds(2 * index);
        Cv2.PutText(frame, clock.ToString("MM/dd/yyyy HH:mm:ss"), new Point(4, 14), HersheyFonts.HersheySimplex, 0.45, Scalar.All(255), 1);
        Cv2.ImEncode(".jpg", frame, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        return bytes;
    }

    private static Mat Street()
    {
        var street = new Mat(Height, Width, MatType.CV_8UC3);
        var random = new Random(7);
        using (var noise = new Mat(Height, Width, MatType.CV_8UC3))
        {
            Cv2.Randu(noise, Scalar.All(60), Scalar.All(150));
            Cv2.GaussianBlur(noise, street, new Size(3, 3), 0);
        }

        Cv2.Rectangle(street, new Rect(0, 20, Width, 60), new Scalar(110, 120, 130), -1);
        for (var i = 0; i < 12; i++)
        {
            var x = random.Next(0, Width - 30);
            Cv2.Rectangle(street, new Rect(x, 25, 20 + random.Next(20), 50), new Scalar(random.Next(40, 200), random.Next(40, 200), random.Next(40, 200)), -1);
        }

        Cv2.Line(street, new Point(0, 200), new Point(Width, 150), new Scalar(230, 230, 230), 3);
        Cv2.Line(street, new Point(60, 239), new Point(170, 90), new Scalar(200, 220, 230), 2);
        return street;
    }
}
