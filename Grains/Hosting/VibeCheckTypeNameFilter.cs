using Orleans.Serialization;

namespace VibeCheck.Grains.Hosting;

/// <summary>
/// Lets the grain-state JSON name our own types. Orleans resolves only types it knows from generated serializers;
/// persisted state classes (and library records nested in them) are plain classes, so a silo that did not write a
/// state would otherwise refuse to read it back.
/// </summary>
public sealed class VibeCheckTypeNameFilter : ITypeNameFilter
{
    public bool? IsTypeNameAllowed(string typeName, string assemblyName) =>
        assemblyName.StartsWith("VibeCheck.", StringComparison.Ordinal) ? true : null;
}
