using System.Xml.Linq;

namespace VibeCheck.Deployment.Tests.Docker;

/// <summary>Reads project files of the repository: assembly names and ProjectReference closures.</summary>
internal static class ProjectGraph
{
    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    public static IReadOnlySet<string> Closure(string root, string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Normalize(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(Path.Combine(root, current))!;
            foreach (var reference in Load(root, current).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Normalize(Path.GetRelativePath(root, full)));
            }
        }

        return seen;
    }

    /// <summary>AssemblyName of the project, or its file name when not set.</summary>
    public static string AssemblyName(string root, string project) =>
        Load(root, project).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);

    private static XDocument Load(string root, string project) => XDocument.Load(Path.Combine(root, project));

    private static string Normalize(string path) => path.Replace('\\', '/');
}
