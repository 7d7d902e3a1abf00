using System.Collections.Concurrent;

namespace VibeCheck.Grains.Hosting;

/// <summary>
/// What this silo holds only in memory because Redis could not take it (camera state and outboxes during an outage).
/// A stop that cannot wait for Redis names these in its log, so an operator knows what was given up.
/// </summary>
public sealed class UnsavedWork
{
    private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.Ordinal);

    /// <summary>Records (or updates) what <paramref name="owner"/> holds unsaved.</summary>
    public void Hold(string owner, string what) => _held[owner] = what;

    /// <summary>Forgets <paramref name="owner"/>: its work was saved, or given up and logged by the owner itself.</summary>
    public void Release(string owner) => _held.TryRemove(owner, out _);

    /// <summary>Everything held now, ordered by owner.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Snapshot() => [.. _held.OrderBy(entry => entry.Key, StringComparer.Ordinal)];
}
