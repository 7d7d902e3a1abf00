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
        long[] shape = spec.ChannelsFirst ? [1, 3, spec.NativeSide, spec.NativeSide] : [1, spec.NativeSide, spec.NativeSide, 3];
        var inputName = kind == CocoModelKind.NanoDet ? "input_1" : "tower_0/images";

        var expected = TfjsOracle.Run(Path.Combine(RealData.ModelDirectory, spec.GraphFile), inputName, shape, spec.Outputs, inputs);

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

    private static float[] NativeInput(string jpeg, CocoModelSpec spec)
    {
        using var bgr = Cv2.ImRead(jpeg);
        var window = new NetworkWindow(new Rect(0, 0, bgr.Cols, bgr.Rows), spec.NativeSide / (double)bgr.Cols, spec.NativeSide, spec.NativeSide);
        var tensor = new float[3 * spec.NativeSide * spec.NativeSide];
        ImageTensor.Fill(bgr, window, spec, tensor);
        return tensor;
    }
}
