using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace VibeCheck.Cameras.Tests;

/// <summary>
/// <see cref="ImageFormat.DescribeProblem"/> over random bytes and damaged JPEGs: it answers (null or a reason), never
/// throws, and never calls bytes without the JPEG markers complete. Real NYC frames are used when the shared data is
/// present (VIBECHECK_DATA), else a marker-complete stand-in. Fixed seeds via Replay.
/// </summary>
public sealed class ImageFormatProperties
{
    private static readonly byte[][] Frames = LoadFrames();

    [Property(MaxTest = 1000, Replay = "(20261129,7919)")]
    public Property Random_bytes_get_an_answer_and_only_marker_complete_jpegs_pass() =>
        Prop.ForAll(Gen.OneOf(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)), PrefixedNoise).ToArbitrary(), bytes =>
        {
            var problem = ImageFormat.DescribeProblem(bytes);
            if (problem is null)
            {
                Assert.True(bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF);
                var end = bytes.Length;
                while (end > 2 && bytes[end - 1] == 0)
                {
                    end--;
                }

                Assert.True(bytes.AsSpan(Math.Max(0, end - 32), end - Math.Max(0, end - 32)).IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(problem));
            }
        });

    [Property(MaxTest = 500, Replay = "(20261129,104729)")]
    public Property A_frame_cut_short_is_reported_truncated() =>
        Prop.ForAll(Gen.Zip(Gen.Elements(Frames), Gen.Choose(0, 1_000_000)).ToArbitrary(), t =>
        {
            var (frame, at) = t;
            // Cut inside the picture data: past the headers, before the end-of-image marker.
            var cut = frame.Length / 2 + at % (frame.Length / 2 - 2);
            Assert.Equal("JPEG is truncated (no EOI marker)", ImageFormat.DescribeProblem(frame.AsSpan(0, cut)));
        });

    [Property(MaxTest = 500, Replay = "(20261129,1299709)")]
    public Property Bit_flips_of_a_frame_never_throw() =>
        Prop.ForAll(Gen.Zip(Gen.Elements(Frames), Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 8)).ToArbitrary(), t =>
        {
            var (frame, flips) = t;
            var damaged = frame.ToArray();
            foreach (var flip in flips)
            {
                damaged[flip % damaged.Length] ^= (byte)(1 << (flip % 8));
            }

            var problem = ImageFormat.DescribeProblem(damaged);
            // Damage outside the SOI and the tail leaves the markers intact: still a complete JPEG by its markers.
            var markersIntact = damaged.AsSpan(0, 3).SequenceEqual(frame.AsSpan(0, 3)) && damaged.AsSpan(damaged.Length - 32).SequenceEqual(frame.AsSpan(frame.Length - 32));
            Assert.True(!markersIntact || problem is null, problem);
        });

    private static Gen<byte[]> PrefixedNoise =>
        Gen.Zip(Gen.Elements<byte[]>([0xFF, 0xD8, 0xFF], [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "<html>"u8.ToArray(), []),
                Gen.Zip(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)), Gen.Elements<byte[]>([], [0xFF, 0xD9], [0xFF, 0xD9, 0, 0, 0])))
            .Select(t => t.Item1.Concat(t.Item2.Item1).Concat(t.Item2.Item2).ToArray());

    private static byte[][] LoadFrames()
    {
        var directory = SharedFramesDirectory();
        var frames = directory is not null
            ? Directory.EnumerateFiles(directory, "*.jpg", SearchOption.AllDirectories).Order().Take(20).Select(File.ReadAllBytes).ToArray()
            : [];
        return frames.Length > 0 ? frames : [StandIn()];
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

    // SOI, an APP0 segment, filler standing for the picture data (no 0xFF bytes), EOI.
    private static byte[] StandIn() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0, .. Enumerable.Range(0, 4000).Select(i => (byte)(i % 251)), 0xFF, 0xD9];
}
