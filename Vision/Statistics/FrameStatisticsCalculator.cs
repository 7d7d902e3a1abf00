using OpenCvSharp;

namespace VibeCheck.Vision.Statistics;

/// <summary>
/// Whole-frame measures of a decoded NYC DOT frame, computed below the burned-in clock band so that the
/// ticking clock changes none of them.
/// </summary>
public static class FrameStatisticsCalculator
{
    /// <summary>Height of the clock band at the top of a 240-row NYC DOT frame, scaled for other sizes.</summary>
    public const double ClockBandShare = 20.0 / 240.0;

    /// <summary>Statistics with the default clock band (<see cref="ClockBandShare"/> of the height).</summary>
    public static FrameStatistics Compute(Mat bgr) => Compute(bgr, ClockBandRows(bgr.Rows));

    /// <summary>Statistics of a BGR frame, ignoring its top <paramref name="clockBandRows"/> rows.</summary>
    public static FrameStatistics Compute(Mat bgr, int clockBandRows)
    {
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        return ComputeFromGray(gray, bgr.Cols, bgr.Rows, clockBandRows);
    }

    /// <summary>Statistics of an already converted grey frame; saves a colour conversion for detectors that need grey anyway.</summary>
    public static FrameStatistics ComputeFromGray(Mat gray, int width, int height, int clockBandRows)
    {
        var band = Math.Clamp(clockBandRows, 0, gray.Rows - 8);
        using var picture = new Mat(gray, new Rect(0, band, gray.Cols, gray.Rows - band));
        Cv2.MeanStdDev(picture, out var mean, out var stddev);
        return new FrameStatistics(
            width,
            height,
            Math.Round(mean.Val0, 2),
            Math.Round(stddev.Val0, 2),
            PerceptualHash(picture),
            ServiceCardLikelihood(picture, stddev.Val0));
    }

    /// <summary>Clock band rows for a frame of <paramref name="frameRows"/> rows (20 for a 240-row NYC frame).</summary>
    public static int ClockBandRows(int frameRows) => (int)Math.Ceiling(frameRows * ClockBandShare);

    /// <summary>
    /// The classic 64-bit DCT hash: 32×32 grey thumbnail, DCT, the top-left 8×8 low frequencies (DC excluded from the
    /// median) compared with their median. Robust to JPEG noise and small brightness changes.
    /// </summary>
    public static string PerceptualHash(Mat gray)
    {
        using var small = new Mat();
        Cv2.Resize(gray, small, new Size(32, 32), interpolation: InterpolationFlags.Area);
        using var floats = new Mat();
        small.ConvertTo(floats, MatType.CV_32F);
        using var dct = new Mat();
        Cv2.Dct(floats, dct);
        Span<float> coefficients = stackalloc float[64];
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                coefficients[y * 8 + x] = dct.At<float>(y, x);
            }
        }

        Span<float> sorted = stackalloc float[63];
        coefficients[1..].CopyTo(sorted);
        sorted.Sort();
        var median = sorted[31];
        ulong hash = 0;
        for (var i = 0; i < 64; i++)
        {
            if (coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return FrameHashes.Format(hash);
    }

    /// <summary>
    /// How much the picture looks like the DOT's flat "camera being serviced" card: most pixels within a few levels
    /// of one grey (with at most a line of text), few edges. Street scenes spread over many levels and have texture.
    /// </summary>
    public static double ServiceCardLikelihood(Mat gray, double contrast)
    {
        // Share of pixels in the densest 17-level window of the histogram: ~0.9 on a card, 0.1–0.4 on a street.
        using var hist = new Mat();
        Cv2.CalcHist([gray], [0], null, hist, 1, [256], [new Rangef(0, 256)]);
        Span<float> bins = stackalloc float[256];
        for (var i = 0; i < 256; i++)
        {
            bins[i] = hist.At<float>(i);
        }

        double window = 0, best = 0;
        for (var i = 0; i < 256; i++)
        {
            window += bins[i] - (i >= 17 ? bins[i - 17] : 0);
            best = Math.Max(best, window);
        }

        var dominance = best / (gray.Rows * (double)gray.Cols);
        var oneGrey = Math.Clamp((dominance - 0.45) / 0.4, 0, 1);
        if (oneGrey == 0)
        {
            // Levels spread like a street's: no card, and no need to pay for edge detection.
            return 0;
        }

        // Edges at half resolution: a quarter of the work, and a street still has edges everywhere.
        using var half = new Mat();
        Cv2.Resize(gray, half, new Size(gray.Cols / 2, gray.Rows / 2), interpolation: InterpolationFlags.Area);
        using var edges = new Mat();
        Cv2.Canny(half, edges, 60, 180);
        var edgeShare = Cv2.CountNonZero(edges) / (double)(half.Rows * half.Cols);
        // A card has under ~1.5% edge pixels; a street has 5–20% edges.
        var flatness = Math.Clamp(1 - edgeShare / 0.08, 0, 1);
        return Math.Round(0.6 * oneGrey + 0.4 * flatness, 3);
    }
}
