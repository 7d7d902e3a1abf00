using System.Text;

namespace VibeCheck.Cameras.Tests;

public sealed class ImageFormatTests
{
    private static readonly byte[] MinimalJpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];

    [Fact]
    public void Complete_jpeg_has_no_problem() => Assert.Null(ImageFormat.DescribeProblem(MinimalJpeg));

    [Fact]
    public void Empty_body_is_named() => Assert.Equal("image is empty (0 bytes)", ImageFormat.DescribeProblem([]));

    [Fact]
    public void Png_is_named() =>
        Assert.Equal("image is a PNG, expected a JPEG", ImageFormat.DescribeProblem([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));

    [Fact]
    public void Html_is_named() =>
        Assert.Equal("image is text or HTML, expected a JPEG", ImageFormat.DescribeProblem(Encoding.UTF8.GetBytes("<html><body>down</body></html>")));

    [Fact]
    public void Truncated_jpeg_is_named() =>
        Assert.Equal("JPEG is truncated (no EOI marker)", ImageFormat.DescribeProblem(MinimalJpeg[..^2]));

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 3)
            {
                bytes[0] = 0xFF;
                bytes[1] = 0xD8;
                bytes[2] = 0xFF;
            }

            var problem = ImageFormat.DescribeProblem(bytes);
            Assert.True(problem is null || problem.Length > 0);
        }
    }
}
