namespace VibeCheck.Vision.Bench;

/// <summary>The real frame sequences in order: Central Park West (12 frames, 3 s apart) and the three Houston St sequences.</summary>
internal static class RealSequences
{
    public static List<(string Name, byte[][] Frames)> Load()
    {
        var sequences = new List<(string, byte[][])>
        {
            ("curbwatch-cpw86", Directory.GetFiles(DataPaths.Frames("curbwatch-cpw86", "replay", "frames"), "*.jpg").Order().Select(File.ReadAllBytes).ToArray()),
        };
        foreach (var dir in Directory.GetDirectories(DataPaths.Frames("red-light-racer", "demo_set_1")).Order())
        {
            // after/000 repeats the last "before" frame.
            var files = Directory.GetFiles(Path.Combine(dir, "before"), "*.jpg").Order()
                .Concat(Directory.GetFiles(Path.Combine(dir, "after"), "*.jpg").Order().Skip(1));
            sequences.Add(($"red-light-racer/{Path.GetFileName(dir)}", files.Select(File.ReadAllBytes).ToArray()));
        }

        return sequences;
    }
}
