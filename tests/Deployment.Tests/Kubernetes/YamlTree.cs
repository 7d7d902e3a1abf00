using YamlDotNet.RepresentationModel;

namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>
/// YAML documents as plain trees: mappings become <see cref="YamlMap"/>, sequences <c>List&lt;object?&gt;</c>,
/// scalars strings (so <c>8080</c> is "8080"). Plain trees are easy to walk and to break on purpose in tests.
/// </summary>
internal static class YamlTree
{
    public static IEnumerable<YamlMap> Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        foreach (var document in stream.Documents)
        {
            if (Convert(document.RootNode) is YamlMap map)
            {
                yield return map;
            }
        }
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "",
            pair => Convert(pair.Value)),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => scalar.Value is "" or "~" or "null" && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain ? null : scalar.Value,
        _ => null,
    };

    public static YamlMap? Map(this object? node, string key) => Get(node, key) as YamlMap;

    public static List<object?> Seq(this object? node, string key) => Get(node, key) as List<object?> ?? [];

    public static IEnumerable<YamlMap> Maps(this object? node, string key) => node.Seq(key).OfType<YamlMap>();

    public static string? Str(this object? node, string key) => Get(node, key) as string;

    /// <summary>A mapping of scalars (labels, selectors, annotations, data) as strings.</summary>
    public static IReadOnlyDictionary<string, string> Strings(this object? node, string key) =>
        node.Map(key)?.Where(p => p.Value is string).ToDictionary(p => p.Key, p => (string)p.Value!) ?? [];

    /// <summary>Follows a dotted path of mapping keys.</summary>
    public static object? At(this object? node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => Get(current, key));

    private static object? Get(object? node, string key) => node is YamlMap map ? map.GetValueOrDefault(key) : null;
}
