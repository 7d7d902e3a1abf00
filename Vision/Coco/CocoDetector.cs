using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using VibeCheck.Vision.Onnx;

namespace VibeCheck.Vision.Coco;

/// <summary>
/// Runs a translated COCO model on a region of a frame: fill the input at the chosen scale, run ONNX Runtime,
/// decode, class-aware NMS, boxes back in frame pixels. One instance (one session) serves every camera: ONNX
/// Runtime sessions are safe for concurrent runs; the input buffer is per call.
/// </summary>
public sealed class CocoDetector : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly int[] _classIds;
    private readonly (int Channel, int ClassId)[] _classChannels;
    private readonly int _channels;
    private readonly string[] _outputNames;

    /// <summary>Loads a translated model (see <see cref="CocoModelStore"/>).</summary>
    public CocoDetector(TranslatedModel model, CocoDetectorOptions options)
    {
        var spec = model.Spec;
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid CocoDetectorOptions: " + string.Join(" ", errors), nameof(options));
        }

        Spec = spec;
        Options = options;
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _classIds = options.EffectiveClassIds.ToArray();
        var channelClasses = model.ChannelClasses;
        var missing = _classIds.Where(id => !channelClasses.Contains(id)).Select(id => CocoClasses.Names[id]).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"the model was translated without the classes {string.Join(", ", missing)}; load it with every class in Labels", nameof(model));
        }

        _classChannels = _classIds.Select(id => (channelClasses.ToList().IndexOf(id), id)).ToArray();
        _channels = channelClasses.Count;
        _session = new InferenceSession(model.Onnx, sessionOptions);
        _inputName = _session.InputNames.Single();
        _outputNames = spec.Outputs.ToArray();
    }

    /// <summary>The model.</summary>
    public CocoModelSpec Spec { get; }

    /// <summary>The settings.</summary>
    public CocoDetectorOptions Options { get; }

    /// <summary>Input pixels per frame pixel: the model's native side over the frame width it was tuned for.</summary>
    public double Scale => Spec.NativeSide / (double)Options.ReferenceFrameWidth;

    /// <summary>Network input pixels of a look at <paramref name="region"/>: the detector's cost driver.</summary>
    public long InputPixels(Rect region) => NetworkWindow.For(region, Scale, Spec.Alignment).Pixels;

    /// <summary>Detections in <paramref name="region"/> of <paramref name="bgr"/>, in frame pixels.</summary>
    public IReadOnlyList<Detection> Detect(Mat bgr, Rect region)
    {
        var window = NetworkWindow.For(region, Scale, Spec.Alignment);
        var length = 3 * window.InputWidth * window.InputHeight;
        // Pooled: a whole frame's input is ~0.5 MB, a large-object allocation per frame otherwise.
        var buffer = ArrayPool<float>.Shared.Rent(length);
        try
        {
            return Detect(bgr, window, buffer, length);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private List<Detection> Detect(Mat bgr, NetworkWindow window, float[] buffer, int length)
    {
        ImageTensor.Fill(bgr, window, Spec, buffer);
        var input = buffer.AsMemory(0, length);
        long[] shape = [1, 3, window.InputHeight, window.InputWidth];
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [value], _outputNames);
        var boxes = new List<NetworkBox>();
        var threshold = (float)Options.EffectiveScoreThreshold;
        if (Spec.Kind == CocoModelKind.NanoDet)
        {
            for (var level = 0; level < NanoDetDecoder.Strides.Count; level++)
            {
                NanoDetDecoder.Decode(
                    outputs[2 * level].GetTensorDataAsSpan<float>(), outputs[(2 * level) + 1].GetTensorDataAsSpan<float>(), NanoDetDecoder.Strides[level], window.InputWidth, _classIds, threshold, boxes);
            }
        }
        else
        {
            var heatShape = outputs[0].GetTensorTypeAndShape().Shape;
            CenterNetDecoder.Decode(
                outputs[0].GetTensorDataAsSpan<float>(), outputs[1].GetTensorDataAsSpan<float>(), (int)heatShape[2], (int)heatShape[1], _channels, _classChannels, threshold, boxes);
        }

        var inFrame = boxes
            .Select(b => (b.ClassId, new Detection(CocoClasses.Names[b.ClassId], Math.Round(b.Score, 4), window.ToFrame(b.X1, b.Y1, b.X2, b.Y2, bgr.Cols, bgr.Rows))))
            .Where(d => d.Item2.Box.Width >= 1 && d.Item2.Box.Height >= 1);
        var kept = NonMaxSuppression.Apply(inFrame, Options.NmsIoUThreshold, Options.MaxDetections);
        return VehicleOverlap.Suppress(kept, Options.VehicleOverlapIoU);
    }
}
