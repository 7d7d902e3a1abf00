namespace VibeCheck.Deployment.Tests.Docker;

/// <summary>One Dockerfile instruction: keyword (upper case) and its arguments, continuation lines joined.</summary>
internal sealed record Instruction(string Keyword, string Arguments);

/// <summary>A build stage: its FROM image, optional name and instructions.</summary>
internal sealed record Stage(string Image, string? Name, IReadOnlyList<Instruction> Instructions)
{
    public IEnumerable<string> Args(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
}

/// <summary>A Dockerfile split into stages; enough structure to check, no build.</summary>
internal sealed record Dockerfile(IReadOnlyList<Stage> Stages)
{
    public Stage Final => Stages[^1];

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            pending += line.EndsWith('\\') ? line[..^1].TrimEnd() + " " : line;
            if (line.EndsWith('\\'))
            {
                continue;
            }

            var space = pending.IndexOf(' ');
            instructions.Add(space < 0
                ? new Instruction(pending.ToUpperInvariant(), "")
                : new Instruction(pending[..space].ToUpperInvariant(), pending[(space + 1)..].Trim()));
            pending = "";
        }

        var stages = new List<Stage>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
                var name = words.Length >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new Stage(words[0], name, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1] = stages[^1] with { Instructions = [.. stages[^1].Instructions, instruction] };
            }
        }

        return new Dockerfile(stages);
    }
}
