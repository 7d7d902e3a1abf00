using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace VibeCheck.TestSupport;

/// <summary>
/// The events' JSON Schema files (<c>Grains.Interfaces/Events/Schemas</c>), as consumers get them, checked with a real
/// validator (JsonSchema.Net, formats such as <c>uuid</c> and <c>date-time</c> enforced).
/// </summary>
public static class EventSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new(StringComparer.Ordinal);
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The folder of the schema files.</summary>
    public static string Folder { get; } = Path.Combine(SharedData.RepositoryRoot, "Grains.Interfaces", "Events", "Schemas");

    /// <summary>Why <paramref name="data"/> does not follow the schema <paramref name="schemaFile"/>; empty when it does.</summary>
    public static IReadOnlyList<string> Errors(string schemaFile, JsonElement data)
    {
        var schema = Loaded.GetOrAdd(schemaFile, f => JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, f))));
        var result = schema.Evaluate(data, Options);
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }
}
