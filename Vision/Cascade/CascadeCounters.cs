namespace VibeCheck.Vision.Cascade;

/// <summary>
/// How much detector work the cascade did against running on every whole frame, for all cameras of a silo.
/// Counted in network input pixels, the detector's cost driver. Thread-safe.
/// </summary>
public sealed class CascadeCounters
{
    private long _frames;
    private long _fullFramePasses;
    private long _regionPasses;
    private long _skippedFrames;
    private long _inputPixels;
    private long _fullFrameEquivalentPixels;

    /// <summary>Frames analysed.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Detector runs on a whole frame.</summary>
    public long FullFramePasses => Interlocked.Read(ref _fullFramePasses);

    /// <summary>Detector runs on a region.</summary>
    public long RegionPasses => Interlocked.Read(ref _regionPasses);

    /// <summary>Frames where the detector did not run at all (nothing moved, nothing due).</summary>
    public long SkippedFrames => Interlocked.Read(ref _skippedFrames);

    /// <summary>Network input pixels the detector was given.</summary>
    public long InputPixels => Interlocked.Read(ref _inputPixels);

    /// <summary>Network input pixels the detector would have been given on every whole frame.</summary>
    public long FullFrameEquivalentPixels => Interlocked.Read(ref _fullFrameEquivalentPixels);

    /// <summary>Share of the every-frame detector's input pixels the cascade did not need (0..1).</summary>
    public double Saved
    {
        get
        {
            var full = Interlocked.Read(ref _fullFrameEquivalentPixels);
            return full == 0 ? 0 : 1 - (Interlocked.Read(ref _inputPixels) / (double)full);
        }
    }

    internal void Record(bool fullFrame, int regionPasses, long inputPixels, long fullFramePixels)
    {
        Interlocked.Increment(ref _frames);
        if (fullFrame)
        {
            Interlocked.Increment(ref _fullFramePasses);
        }
        else if (regionPasses == 0)
        {
            Interlocked.Increment(ref _skippedFrames);
        }

        Interlocked.Add(ref _regionPasses, regionPasses);
        Interlocked.Add(ref _inputPixels, inputPixels);
        Interlocked.Add(ref _fullFrameEquivalentPixels, fullFramePixels);
    }
}
