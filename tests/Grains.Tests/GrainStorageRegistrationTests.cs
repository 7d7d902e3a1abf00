using System.Reflection;

namespace VibeCheck.Grains.Tests;

/// <summary>The silo registers every grain storage a grain asks for: a new one missing from the list fails here, not at activation.</summary>
public sealed class GrainStorageRegistrationTests
{
    [Fact]
    public void Every_persistent_state_of_every_grain_names_a_registered_storage()
    {
        var wanted = typeof(StorageNames).Assembly.GetTypes()
            .Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>()?.StorageName)
            .OfType<string>()
            .Distinct()
            .ToList();

        Assert.NotEmpty(wanted);
        Assert.All(wanted, name => Assert.Contains(name, StorageNames.All));
        Assert.Equal(StorageNames.All.Count, StorageNames.All.Distinct().Count());
    }
}
