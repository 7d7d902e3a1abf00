using VibeCheck.Vision.Bench;

// dotnet run -c Release --project bench/Vision -- [agreement|sequences|throughput|all] [throughput seconds]
var what = args.Length > 0 ? args[0] : "all";
var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
Console.WriteLine($"data: {DataPaths.Root()}");
if (what is "agreement" or "all")
{
    CurbwatchAgreement.Run();
}

if (what is "sequences" or "all")
{
    RedLightRacerSequences.Run(Environment.GetEnvironmentVariable("VIBECHECK_SHEETS"));
}

if (what is "stages")
{
    Stages.Run();
}

if (what is "throughput" or "all")
{
    Throughput.Run(TimeSpan.FromSeconds(seconds));
}
