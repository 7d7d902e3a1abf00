using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VibeCheck.Cameras;
using VibeCheck.Vision.Statistics;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// The camera client (<see cref="ImageFormat"/>) and the frame decoder (<see cref="FrameDecoder"/>) judge the end of a
/// JPEG alike: a frame the client accepts is never refused as truncated when it is analysed, and the other way round.
/// They once disagreed on bytes after the end-of-image marker. Fixed seed via Replay.
/// </summary>
public sealed class EndOfImageAgreementProperties
{
    private static readonly byte[] Frame = SyntheticFrames.Scene(1, new DateTime(2026, 11, 29, 12, 0, 0));

    [Property(MaxTest = 1000, Replay = "(20261129,6007)")]
    public Property Client_and_decoder_agree_on_every_ending() =>
        Prop.ForAll(Endings.ToArbitrary(), bytes =>
        {
            var clientAccepts = ImageFormat.HasEndOfImage(bytes);
            Assert.Equal(clientAccepts, FrameDecoder.HasEndOfImage(bytes));
            Assert.Equal(clientAccepts, ImageFormat.DescribeProblem(bytes) is null);
            using var picture = FrameDecoder.TryDecode(bytes, out var error);
            Assert.Equal(clientAccepts, error is null || !error.Contains("EOI", StringComparison.Ordinal));
        });

    /// <summary>The frame cut anywhere in its last 64 bytes, then zeros, markers and noise appended.</summary>
    private static Gen<byte[]> Endings =>
        Gen.Zip(
                Gen.Choose(0, 64),
                Gen.ArrayOf(Gen.Frequency((4, Gen.Constant((byte)0)), (2, Gen.Elements((byte)0xFF, (byte)0xD9)), (3, Gen.Choose(0, 255).Select(b => (byte)b)))))
            .Select(t => Frame.AsSpan(0, Frame.Length - t.Item1).ToArray().Concat(t.Item2).ToArray());
}
