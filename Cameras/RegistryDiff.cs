namespace VibeCheck.Cameras;

/// <summary>What changed between two registry syncs.</summary>
public sealed record RegistryDiff(
    IReadOnlyList<CameraInfo> Added,
    IReadOnlyList<CameraInfo> Changed,
    IReadOnlyList<Guid> Removed,
    int Unchanged)
{
    public static RegistryDiff Compute(IEnumerable<CameraInfo> previous, IEnumerable<CameraInfo> current)
    {
        var before = previous.ToDictionary(c => c.Id);
        var added = new List<CameraInfo>();
        var changed = new List<CameraInfo>();
        var unchanged = 0;
        var now = new HashSet<Guid>();
        foreach (var camera in current)
        {
            now.Add(camera.Id);
            if (!before.TryGetValue(camera.Id, out var old))
            {
                added.Add(camera);
            }
            else if (old != camera)
            {
                changed.Add(camera);
            }
            else
            {
                unchanged++;
            }
        }

        var removed = before.Keys.Where(id => !now.Contains(id)).ToList();
        return new RegistryDiff(added, changed, removed, unchanged);
    }
}
