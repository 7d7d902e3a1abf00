using OpenCvSharp;

namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>
/// One camera's background: a running average in float, learnt fast where the picture matches it and slowly under
/// foreground. Lighting changes (dusk, clouds, auto-exposure) are handled by matching the background's mean and
/// contrast to the frame's before differencing, so a global change produces no foreground.
/// </summary>
internal sealed class BackgroundModel(BackgroundSubtractionOptions options) : IDisposable
{
    private readonly Mat _background = new();
    private readonly Mat _adjusted = new();
    private readonly Mat _frameFloat = new();
    private readonly Mat _difference = new();
    private readonly Mat _backgroundMask = new();
    private int _framesSeen;
    private double _gain = 1;
    private double _offset;

    /// <summary>Frames learnt since the model last (re)started.</summary>
    public int FramesSeen => _framesSeen;

    /// <summary>The background mapped to the latest frame's lighting (float, valid after <see cref="Update"/> returned true).</summary>
    public Mat LightingMatchedBackground => _adjusted;

    /// <summary>
    /// Replaces the background with the latest frame under <paramref name="mask"/> inside <paramref name="box"/>: for
    /// ghosts, where something that was part of the background has left and the uncovered street must be learnt now.
    /// </summary>
    public void Absorb(Rect box, Mat mask)
    {
        using var frame = new Mat(_frameFloat, box);
        using var inBackgroundLight = new Mat();
        frame.ConvertTo(inBackgroundLight, MatType.CV_32F, 1 / _gain, -_offset / _gain);
        using var background = new Mat(_background, box);
        inBackgroundLight.CopyTo(background, mask);
    }

    /// <summary>
    /// Learns <paramref name="gray"/> (blurred, 8-bit) and writes its foreground into <paramref name="foreground"/>.
    /// False while warming up or after a scene change, when no foreground should be trusted.
    /// </summary>
    public bool Update(Mat gray, int clockBandRows, Mat foreground)
    {
        gray.ConvertTo(_frameFloat, MatType.CV_32F);
        if (_framesSeen == 0 || _background.Size() != gray.Size())
        {
            Restart();
            return false;
        }

        var band = Math.Clamp(clockBandRows, 0, gray.Rows - 1);
        var picture = new Rect(0, band, gray.Cols, gray.Rows - band);
        using (var frameRoi = new Mat(_frameFloat, picture))
        using (var backgroundRoi = new Mat(_background, picture))
        {
            Cv2.MeanStdDev(frameRoi, out var frameMean, out var frameStd);
            Cv2.MeanStdDev(backgroundRoi, out var bgMean, out var bgStd);
            // background → frame lighting: (bg − μb)·σf/σb + μf
            _gain = Math.Clamp(frameStd.Val0 / Math.Max(bgStd.Val0, 1), 0.33, 3);
            _offset = frameMean.Val0 - (bgMean.Val0 * _gain);
            _background.ConvertTo(_adjusted, MatType.CV_32F, _gain, _offset);
        }

        Cv2.Absdiff(_frameFloat, _adjusted, _difference);
        Cv2.Threshold(_difference, _difference, options.DifferenceThreshold, 255, ThresholdTypes.Binary);
        _difference.ConvertTo(foreground, MatType.CV_8U);
        if (band > 0)
        {
            using var clock = foreground.RowRange(0, band);
            clock.SetTo(Scalar.All(0));
        }

        var share = Cv2.CountNonZero(foreground) / (double)(picture.Width * picture.Height);
        if (share > options.SceneChangeShare)
        {
            Restart();
            return false;
        }

        if (_framesSeen < options.WarmupFrames)
        {
            // Plain average of the first frames, so one passing car does not dominate the first background.
            Cv2.AccumulateWeighted(_frameFloat, _background, 1.0 / (_framesSeen + 1), null!);
            _framesSeen++;
            return false;
        }

        if (share > options.UnsettledShare)
        {
            // Too much changed at once to be traffic: follow the new picture quickly, report nothing this frame.
            Cv2.AccumulateWeighted(_frameFloat, _background, options.UnsettledLearningRate, null!);
            _framesSeen++;
            return false;
        }

        Cv2.BitwiseNot(foreground, _backgroundMask);
        Cv2.AccumulateWeighted(_frameFloat, _background, options.BackgroundLearningRate, _backgroundMask);
        if (options.ForegroundLearningRate > 0)
        {
            Cv2.AccumulateWeighted(_frameFloat, _background, options.ForegroundLearningRate, foreground);
        }

        _framesSeen++;
        return true;
    }

    private void Restart()
    {
        _frameFloat.CopyTo(_background);
        _framesSeen = 1;
    }

    public void Dispose()
    {
        _background.Dispose();
        _adjusted.Dispose();
        _frameFloat.Dispose();
        _difference.Dispose();
        _backgroundMask.Dispose();
    }
}
