using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Bench;

// dotnet run -c Release --project bench/Vision -- detect FILE...
// dotnet run -c Release --project bench/Vision -- [agreement|sequences|cascade|coco-throughput|coco-memory|throughput|all] [seconds]
var what = args.Length > 0 ? args[0] : "all";
if (what == "detect")
{
    return DetectCommand.Run(args[1..]);
}

var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
Console.WriteLine($"data: {DataPaths.Root()}");
if (what is "agreement" or "all")
{
    CurbwatchAgreement.Run();
    CocoAgreement.Run();
}

if (what is "sequences" or "all")
{
    RedLightRacerSequences.Run(new BackgroundSubtractionAnalyzer(), Environment.GetEnvironmentVariable("VIBECHECK_SHEETS"));
    using var coco = ProductionDetector.Create();
    RedLightRacerSequences.Run(coco, Environment.GetEnvironmentVariable("VIBECHECK_SHEETS"));
}

if (what is "cascade" or "all")
{
    CascadeAgreement.Run();
}

if (what is "coco-throughput" or "all")
{
    CocoThroughput.Run(TimeSpan.FromSeconds(seconds));
}

if (what is "coco-memory")
{
    CocoMemory.Run();
}

if (what is "stages")
{
    Stages.Run();
}

if (what is "throughput" or "all")
{
    Throughput.Run(TimeSpan.FromSeconds(seconds));
}

return 0;
