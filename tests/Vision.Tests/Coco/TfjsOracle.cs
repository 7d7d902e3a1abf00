using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace VibeCheck.Vision.Tests.Coco;

/// <summary>Runs the original TF.js graph in Node (tests/TfjsOracle, installed by scripts/test.sh).</summary>
internal static class TfjsOracle
{
    public static List<float[][]> Run(string modelJson, string inputName, long[] shape, IReadOnlyList<string> outputs, IReadOnlyList<float[]> inputs)
    {
        var script = Path.Combine(RealData.RepositoryRoot, "tests", "TfjsOracle", "run.js");
        var modules = Path.Combine(RealData.RepositoryRoot, "tests", "TfjsOracle", "node_modules", "@tensorflow", "tfjs-converter");
        Assert.True(Directory.Exists(modules), "TF.js oracle not installed: run `npm ci --prefix tests/TfjsOracle` (scripts/test.sh does)");
        var work = Directory.CreateTempSubdirectory("tfjs-oracle-");
        try
        {
            var files = inputs.Select((input, i) =>
            {
                var file = Path.Combine(work.FullName, $"input{i}.f32");
                File.WriteAllBytes(file, MemoryMarshal.AsBytes(input.AsSpan()).ToArray());
                return file;
            }).ToList();
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { script, modelJson, inputName, string.Join(",", shape), string.Join(",", outputs) }.Concat(files))
            {
                start.ArgumentList.Add(argument);
            }

            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            Assert.True(node.WaitForExit(TimeSpan.FromMinutes(5)), "the TF.js oracle did not finish within 5 minutes");
            Assert.True(node.ExitCode == 0, $"the TF.js oracle failed ({node.ExitCode}): {stderr.Result}");
            var lastLine = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
            Assert.Equal(outputs.Count, JsonDocument.Parse(lastLine).RootElement.GetArrayLength());
            return files.Select(f => outputs.Select((_, j) => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes($"{f}.out{j}")).ToArray()).ToArray()).ToList();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
