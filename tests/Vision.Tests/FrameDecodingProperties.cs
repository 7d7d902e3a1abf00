using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCvSharp;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Statistics;

namespace VibeCheck.Vision.Tests;

/// <summary>
/// Damaged camera frames through <see cref="FrameDecoder"/> and a camera analyser: random bytes, truncations, bit
/// flips, overwritten runs and rewritten picture sizes of JPEGs this test encodes (plus real NYC frames when the
/// shared data is present). Each gives a picture or a clear error, never an exception, and never a picture larger
/// than a camera frame can be. Fixed seeds via Replay; iteration counts keep each property to a few seconds.
/// </summary>
public sealed class FrameDecodingProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[][] Frames = LoadFrames();

    private static Gen<byte[]> Damaged =>
        Gen.Zip(Gen.Elements(Frames), Gen.Zip(Gen.Choose(0, 5), Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 16)))
            .Select(t =>
            {
                var (frame, (kind, numbers)) = t;
                var bytes = frame.ToArray();
                switch (kind)
                {
                    case 0: // cut short, sometimes with the end-of-image marker put back
                        var cut = bytes.Take(2 + numbers[0] % (bytes.Length - 2)).ToArray();
                        return numbers[1] % 2 == 0 ? cut : [.. cut, 0xFF, 0xD9];
                    case 1: // bit flips anywhere
                        foreach (var n in numbers.Take(1 + numbers[0] % 16))
                        {
                            bytes[n % bytes.Length] ^= (byte)(1 << (n % 8));
                        }

                        return bytes;
                    case 2: // a run overwritten inside the file
                        var at = numbers[0] % bytes.Length;
                        for (var i = at; i < Math.Min(bytes.Length - 2, at + numbers[1] % 512); i++)
                        {
                            bytes[i] = (byte)numbers[2 + i % 14];
                        }

                        return bytes;
                    case 3: // the picture size in the frame header rewritten, up to 65535×65535
                        var sof = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
                        if (sof > 0 && sof + 9 < bytes.Length)
                        {
                            bytes[sof + 5] = (byte)(numbers[0] >> 8);
                            bytes[sof + 6] = (byte)numbers[0];
                            bytes[sof + 7] = (byte)(numbers[1] >> 8);
                            bytes[sof + 8] = (byte)numbers[1];
                        }

                        return bytes;
                    case 4: // random bytes behind a JPEG signature, with an end marker
                        return [0xFF, 0xD8, 0xFF, .. numbers.SelectMany(BitConverter.GetBytes), 0xFF, 0xD9];
                    default: // the valid frame
                        return bytes;
                }
            });

    [Property(MaxTest = 300, Replay = "(20261129,7919)")]
    public Property Damaged_frames_decode_to_a_picture_or_give_a_reason() =>
        Prop.ForAll(Damaged.ToArbitrary(), bytes =>
        {
            using var picture = FrameDecoder.TryDecode(bytes, out var error);
            Assert.True(picture is null != (error is null), $"picture {picture is not null}, error {error}");
            if (picture is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
            }
            else
            {
                Assert.InRange(picture.Cols, FrameDecoder.MinSide, FrameDecoder.MaxSide);
                Assert.InRange(picture.Rows, FrameDecoder.MinSide, FrameDecoder.MaxSide);
            }
        });

    [Property(MaxTest = 60, Replay = "(20261129,104729)")]
    public Property A_camera_analyser_fed_damaged_frames_reports_errors_and_keeps_working() =>
        Prop.ForAll(Gen.ListOf(Damaged, 6).ToArbitrary(), frames =>
        {
            using var camera = new BackgroundSubtractionAnalyzer().CreateForCamera("fuzz");
            var at = T0;
            foreach (var bytes in frames.Append(Frames[0]))
            {
                at = at.AddSeconds(2);
                var analysis = camera.Analyze(bytes, at, []);
                Assert.True(analysis.Error is null != (analysis.Statistics is null), analysis.Error);
                Assert.True(analysis.Error is null || analysis.Detections.Count == 0);
            }
        });

    [Fact]
    public void A_frame_whose_header_claims_a_huge_picture_is_refused_before_decoding()
    {
        // Found by the property above: without this check its run did not finish within 5 minutes, the decoder
        // allocating each claimed picture (up to 65535×65535) before finding the data short.
        var bytes = Frames[0].ToArray();
        var sof = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        bytes[sof + 5] = 30000 >> 8;
        bytes[sof + 6] = 30000 & 0xFF;
        bytes[sof + 7] = 30000 >> 8;
        bytes[sof + 8] = 30000 & 0xFF;

        using var picture = FrameDecoder.TryDecode(bytes, out var error);

        Assert.Null(picture);
        Assert.Equal($"JPEG declares 30000×30000 pixels, more than {FrameDecoder.MaxSide} per side", error);
        using var valid = FrameDecoder.TryDecode(Frames[0], out var none);
        Assert.Null(none);
        Assert.Equal((SyntheticScene.Width, SyntheticScene.Height), (valid!.Cols, valid.Rows));
    }

    private static byte[][] LoadFrames()
    {
        using var scene = new SyntheticScene();
        IEnumerable<byte[]> frames = [scene.Frame(0), scene.Frame(1, [new Rect(120, 120, 110, 70)])];
        using (var small = new Mat(16, 16, MatType.CV_8UC3, Scalar.All(128)))
        {
            Cv2.ImEncode(".jpg", small, out var tiny);
            frames = frames.Append(tiny);
        }

        var shared = SharedFramesDirectory();
        if (shared is not null)
        {
            frames = frames.Concat(Directory.EnumerateFiles(shared, "*.jpg", SearchOption.AllDirectories).Order().Take(10).Select(File.ReadAllBytes));
        }

        return [.. frames];
    }

    private static string? SharedFramesDirectory()
    {
        if (Environment.GetEnvironmentVariable("VIBECHECK_DATA") is { Length: > 0 } env)
        {
            return Directory.Exists(Path.Combine(env, "nyc-dot-frames")) ? Path.Combine(env, "nyc-dot-frames") : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "nyc-dot-frames"));
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
