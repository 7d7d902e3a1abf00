using OpenCvSharp;

namespace VibeCheck.Vision.Bench;

/// <summary>Annotated thumbnails of a sequence in one image, for checking the frame-by-frame report by eye.</summary>
internal static class ContactSheet
{
    public static Mat Annotate(byte[] jpeg, int index, IReadOnlyList<PixelPoint> zone, IReadOnlyList<Detection> detections, IReadOnlyList<Detection>? reference = null)
    {
        var frame = Cv2.ImDecode(jpeg, ImreadModes.Color);
        if (zone.Count > 0)
        {
            Cv2.Polylines(frame, [zone.Select(p => new Point(p.X, p.Y)).ToArray()], true, new Scalar(0, 0, 255), 1);
        }

        foreach (var d in detections)
        {
            var colour = d.Label == "vehicle" ? new Scalar(0, 255, 0) : d.Label == "person" ? new Scalar(255, 128, 0) : new Scalar(160, 160, 160);
            Cv2.Rectangle(frame, new Rect((int)d.Box.X, (int)d.Box.Y, (int)d.Box.Width, (int)d.Box.Height), colour, 1);
        }

        foreach (var d in reference ?? [])
        {
            Cv2.Rectangle(frame, new Rect((int)d.Box.X, (int)d.Box.Y, (int)d.Box.Width, (int)d.Box.Height), new Scalar(0, 0, 255), 1);
        }

        Cv2.PutText(frame, index.ToString(System.Globalization.CultureInfo.InvariantCulture), new Point(5, 235), HersheyFonts.HersheySimplex, 0.8, new Scalar(0, 255, 255), 2);
        return frame;
    }

    public static void Write(List<Mat> frames, string path, int columns = 5)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var rows = new List<Mat>();
        for (var r = 0; r < frames.Count; r += columns)
        {
            var row = frames.Skip(r).Take(columns).ToList();
            while (row.Count < columns)
            {
                row.Add(new Mat(frames[0].Size(), frames[0].Type(), Scalar.All(0)));
            }

            var joined = new Mat();
            Cv2.HConcat(row.ToArray(), joined);
            rows.Add(joined);
        }

        using var sheet = new Mat();
        Cv2.VConcat(rows.ToArray(), sheet);
        Cv2.ImWrite(path, sheet);
        rows.ForEach(m => m.Dispose());
        frames.ForEach(m => m.Dispose());
    }
}
