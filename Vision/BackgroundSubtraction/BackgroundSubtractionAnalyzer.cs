namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>
/// The default, model-free detector: works on every camera with no weights. Each camera gets its own background
/// model (see <see cref="CreateForCamera"/>), so register this once as a singleton <see cref="IFrameAnalyzer"/>.
/// </summary>
public sealed class BackgroundSubtractionAnalyzer : IFrameAnalyzer
{
    /// <summary>Detector name recorded as evidence.</summary>
    public const string DetectorName = "background-subtraction";

    /// <summary>Bumped whenever detections for the same frames would change.</summary>
    public const string DetectorVersion = "1.0";

    private readonly BackgroundSubtractionOptions _options;

    /// <summary>Creates the detector with default settings.</summary>
    public BackgroundSubtractionAnalyzer()
        : this(new BackgroundSubtractionOptions())
    {
    }

    /// <summary>Creates the detector; throws <see cref="ArgumentException"/> for invalid settings so that a bad configuration fails at start.</summary>
    public BackgroundSubtractionAnalyzer(BackgroundSubtractionOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid BackgroundSubtractionOptions: " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
    }

    /// <inheritdoc />
    public string Name => DetectorName;

    /// <inheritdoc />
    public string Version => DetectorVersion;

    /// <summary>The settings in use.</summary>
    public BackgroundSubtractionOptions Options => _options;

    /// <inheritdoc />
    public ICameraFrameAnalyzer CreateForCamera(string cameraId) => new BackgroundSubtractionCameraAnalyzer(_options, $"{Name}/{Version}");
}
