using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Tests.Coco;

/// <summary>
/// The ONNX translation computes what the original TF.js graph computes: real NYC frames (daylight, dusk, rain)
/// through the original in Node (TF.js CPU backend) and through the translation in ONNX Runtime, every output compared.
/// </summary>
public sealed class TranslationFaithfulnessTests
{
    // Values of order 1 (scores, logits) must agree to 1e-3; box sides in pixels (hundreds) to 1e-3 of their range.
    private const double Tolerance = 1e-3;

    [RealDetectorTheory]
    [InlineData(CocoModelKind.NanoDet)]
    [InlineData(CocoModelKind.CenterNet)]
    public void Translated_model_matches_the_original_on_real_frames(CocoModelKind kind)
    {
        var spec = CocoModelSpec.For(kind);
        var model = CocoModelStore.Load(RealData.ModelDirectory, spec);
        string[] frames = [RealData.Curbwatch(0), RealData.RedLight(0, "before", 5), RealData.RedLight(2, "after", 10)];
        var inputs = frames.Select(f => NativeInput(f, spec)).ToList();
        var side = spec.NativeSide;
        long[] shape = [1, 3, side, side];
        long[] graphShape = spec.GraphInputIsChannelsFirst ? shape : [1, side, side, 3];
        var graphInputs = spec.GraphInputIsChannelsFirst ? inputs : inputs.Select(i => ToChannelsLast(i, side * side)).ToList();
        var inputName = kind == CocoModelKind.NanoDet ? "input_1" : "tower_0/images";

        var expected = TfjsOracle.Run(Path.Combine(RealData.ModelDirectory, spec.GraphFile), inputName, graphShape, spec.Outputs, graphInputs);

        using var session = new InferenceSession(model.Onnx);
        for (var f = 0; f < frames.Length; f++)
        {
            using var input = OrtValue.CreateTensorValueFromMemory(inputs[f], shape);
            using var outputs = session.Run(new RunOptions(), [session.InputNames[0]], [input], spec.Outputs.ToArray());
            for (var o = 0; o < spec.Outputs.Count; o++)
            {
                var actual = outputs[o].GetTensorDataAsSpan<float>().ToArray();
                var reference = expected[f][o];
                Assert.Equal(reference.Length, actual.Length);
                var scale = Math.Max(1, reference.Max(Math.Abs));
                var worst = reference.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
                Assert.True(
                    worst <= Tolerance * scale,
                    $"{kind} output {spec.Outputs[o]} on {Path.GetFileName(frames[f])}: max |difference| {worst:E2} exceeds {Tolerance * scale:E2}");
            }
        }
    }

    [RealDetectorFact]
    public void Translation_of_the_reported_classes_only_computes_exactly_their_channels()
    {
        var spec = CocoModelSpec.CenterNet;
        var all = CocoModelStore.Load(RealData.ModelDirectory, spec);
        int[] classes = [0, 1, 2, 3, 5, 7];
        var some = CocoModelStore.Load(RealData.ModelDirectory, spec, classes);
        Assert.Equal(classes, some.ChannelClasses);
        Assert.NotEqual(all.OnnxSha256, some.OnnxSha256);

        var input = NativeInput(RealData.RedLight(1, "before", 3), spec);
        long[] shape = [1, 3, spec.NativeSide, spec.NativeSide];
        var full = Run(all, input, shape);
        var kept = Run(some, input, shape);

        var cells = full[1].Length / 4;
        Assert.Equal(cells * classes.Length, kept[0].Length);
        Assert.Equal(full[1].Length, kept[1].Length);
        Assert.True(full[1].Zip(kept[1], (a, b) => Math.Abs(a - b)).Max() <= 1e-4f, "box sides changed");
        var worst = 0f;
        for (var cell = 0; cell < cells; cell++)
        {
            for (var k = 0; k < classes.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(full[0][(cell * 80) + classes[k]] - kept[0][(cell * classes.Length) + k]));
            }
        }

        Assert.True(worst <= 1e-6f, $"kept channels differ from the full model's by up to {worst:E2}");
    }

    private static float[][] Run(TranslatedModel model, float[] input, long[] shape)
    {
        using var session = new InferenceSession(model.Onnx);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputs = session.Run(new RunOptions(), [session.InputNames[0]], [value], model.Spec.Outputs.ToArray());
        return outputs.Select(o => o.GetTensorDataAsSpan<float>().ToArray()).ToArray();
    }

    private static float[] ToChannelsLast(float[] planes, int pixels)
    {
        var interleaved = new float[planes.Length];
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                interleaved[(3 * p) + c] = planes[(c * pixels) + p];
            }
        }

        return interleaved;
    }

    private static float[] NativeInput(string jpeg, CocoModelSpec spec)
    {
        using var bgr = Cv2.ImRead(jpeg);
        var window = new NetworkWindow(new Rect(0, 0, bgr.Cols, bgr.Rows), spec.NativeSide / (double)bgr.Cols, spec.NativeSide, spec.NativeSide);
        var tensor = new float[3 * spec.NativeSide * spec.NativeSide];
        ImageTensor.Fill(bgr, window, spec, tensor);
        return tensor;
    }
}
