using Microsoft.Extensions.Options;

namespace VibeCheck.ReplayServer;

/// <summary>Recorded frame sequences loaded once from <see cref="ReplayOptions.FramesDirectory"/>.</summary>
public sealed class RecordedFrames
{
    private readonly IReadOnlyList<IReadOnlyList<byte[]>> _sequences;
    private readonly IReadOnlyDictionary<Guid, IReadOnlyList<byte[]>> _byCamera;

    public RecordedFrames(IOptions<ReplayOptions> options)
    {
        var sequences = new List<IReadOnlyList<byte[]>>();
        var byCamera = new Dictionary<Guid, IReadOnlyList<byte[]>>();
        var root = options.Value.FramesDirectory;
        if (!string.IsNullOrEmpty(root) && Directory.Exists(root))
        {
            foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root).Order(StringComparer.Ordinal))
            {
                var frames = Directory.EnumerateFiles(folder, "*.jpg").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
                if (frames.Count == 0)
                {
                    continue;
                }

                if (Guid.TryParse(Path.GetFileName(folder), out var cameraId))
                {
                    byCamera[cameraId] = frames;
                }
                else
                {
                    sequences.Add(frames);
                }
            }
        }

        _sequences = sequences;
        _byCamera = byCamera;
    }

    public int SequenceCount => _sequences.Count + _byCamera.Count;

    /// <summary>The sequence a camera shows: its own folder, else one chosen stably from its id.</summary>
    public IReadOnlyList<byte[]>? SequenceFor(Guid cameraId)
    {
        if (_byCamera.TryGetValue(cameraId, out var own))
        {
            return own;
        }

        if (_sequences.Count == 0)
        {
            return null;
        }

        var bucket = (int)((uint)cameraId.GetHashCode() % (uint)_sequences.Count);
        return _sequences[bucket];
    }
}
