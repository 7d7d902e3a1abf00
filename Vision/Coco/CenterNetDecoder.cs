namespace VibeCheck.Vision.Coco;

/// <summary>
/// CenterNet's head at stride 4: a class heat map (sigmoid) whose local 3×3 maxima are objects, and per cell the
/// distances to the box's four sides in input pixels. The graph's own decoding does the same with top-k.
/// </summary>
public static class CenterNetDecoder
{
    /// <summary>Output stride of the heat map.</summary>
    public const int Stride = 4;

    /// <summary>
    /// Decodes a heat map [h, w, channels] (NHWC) and sides [h, w, 4] into boxes scoring at least
    /// <paramref name="threshold"/>. <paramref name="classes"/> names the channels read and the COCO class of each.
    /// </summary>
    public static void Decode(
        ReadOnlySpan<float> heat, ReadOnlySpan<float> sides, int width, int height, int channels, IReadOnlyList<(int Channel, int ClassId)> classes, float threshold, List<NetworkBox> into)
    {
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var cell = (y * width) + x;
                foreach (var (c, classId) in classes)
                {
                    var v = heat[(cell * channels) + c];
                    if (v < threshold || !IsPeak(heat, x, y, c, v, width, height, channels))
                    {
                        continue;
                    }

                    var s = sides.Slice(cell * 4, 4);
                    var (cx, cy) = (x * Stride, y * Stride);
                    into.Add(new NetworkBox(classId, v, cx - s[0], cy - s[1], cx + s[2], cy + s[3]));
                }
            }
        }
    }

    private static bool IsPeak(ReadOnlySpan<float> heat, int x, int y, int c, float v, int width, int height, int channels)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (nx, ny) = (x + dx, y + dy);
                if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < width && ny < height && heat[(((ny * width) + nx) * channels) + c] > v)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
