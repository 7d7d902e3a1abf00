namespace VibeCheck.Vision.Onnx;

/// <summary>One raw detection in network space before NMS.</summary>
public readonly record struct RawDetection(int ClassId, double Score, double CentreX, double CentreY, double Width, double Height);

/// <summary>Reads the output tensor of a YOLO export in any of the common layouts (see <see cref="YoloOutputLayout"/>).</summary>
public static class YoloOutputDecoder
{
    /// <summary>
    /// The layout of an output of shape [1, a, b] (or [a, b]) for <paramref name="classCount"/> classes: exact
    /// attribute counts first, then the convention that the detection axis is the longer one.
    /// </summary>
    public static YoloOutputLayout Resolve(ReadOnlySpan<int> dimensions, int classCount, YoloOutputLayout requested)
    {
        if (requested != YoloOutputLayout.Auto)
        {
            return requested;
        }

        var (a, b) = LastTwo(dimensions);
        if (a == 4 + classCount && b != 4 + classCount)
        {
            return YoloOutputLayout.AttributesFirst;
        }

        if (b == 5 + classCount)
        {
            return YoloOutputLayout.BoxesFirstWithObjectness;
        }

        if (b == 4 + classCount)
        {
            return YoloOutputLayout.BoxesFirst;
        }

        return a < b ? YoloOutputLayout.AttributesFirst : YoloOutputLayout.BoxesFirstWithObjectness;
    }

    /// <summary>Detections with score ≥ <paramref name="scoreThreshold"/>, best class per box.</summary>
    public static List<RawDetection> Decode(ReadOnlySpan<float> data, ReadOnlySpan<int> dimensions, YoloOutputLayout layout, double scoreThreshold)
    {
        var (a, b) = LastTwo(dimensions);
        var attributesFirst = layout == YoloOutputLayout.AttributesFirst;
        var count = attributesFirst ? b : a;
        var attributes = attributesFirst ? a : b;
        var objectness = layout == YoloOutputLayout.BoxesFirstWithObjectness;
        var firstClass = objectness ? 5 : 4;
        var result = new List<RawDetection>();
        for (var i = 0; i < count; i++)
        {
            // Element k of detection i: strided across planes when attributes come first.
            var (start, stride) = attributesFirst ? (i, count) : (i * attributes, 1);
            var gate = objectness ? data[start + (4 * stride)] : 1f;
            if (gate < scoreThreshold)
            {
                continue;
            }

            var bestClass = -1;
            var best = float.NegativeInfinity;
            for (var k = firstClass; k < attributes; k++)
            {
                var s = data[start + (k * stride)];
                if (s > best)
                {
                    best = s;
                    bestClass = k - firstClass;
                }
            }

            var score = gate * best;
            if (bestClass >= 0 && score >= scoreThreshold)
            {
                result.Add(new RawDetection(bestClass, score, data[start], data[start + (1 * stride)], data[start + (2 * stride)], data[start + (3 * stride)]));
            }
        }

        return result;
    }

    private static (int A, int B) LastTwo(ReadOnlySpan<int> dimensions)
    {
        if (dimensions.Length < 2 || (dimensions.Length == 3 && dimensions[0] != 1) || dimensions.Length > 3)
        {
            throw new ArgumentException($"expected an output of shape [1, a, b], got [{string.Join(", ", dimensions.ToArray())}]");
        }

        return (dimensions[^2], dimensions[^1]);
    }
}
