namespace VibeCheck.Cameras.Tests;

public sealed class RegistryDiffTests
{
    private static CameraInfo Camera(int n, string name = "A @ B", bool online = true) =>
        new(new Guid(n, 0, 0, new byte[8]), name, 40.7, -73.9, "Manhattan", online, new Uri($"https://webcams.nyctmc.org/api/cameras/{n}/image"));

    [Fact]
    public void Added_changed_removed_and_unchanged_are_told_apart()
    {
        var diff = RegistryDiff.Compute(
            [Camera(1), Camera(2), Camera(3)],
            [Camera(1), Camera(2, online: false), Camera(4)]);

        Assert.Equal([Camera(4)], diff.Added);
        Assert.Equal([Camera(2, online: false)], diff.Changed);
        Assert.Equal([Camera(3).Id], diff.Removed);
        Assert.Equal(1, diff.Unchanged);
    }
}
