using VibeCheck.Forecasting.Bench;

return args.Length > 0 && args[0] == "m4" && args.Length >= 2
    ? M4Benchmark.Run(args[1], args[2..])
    : args.Length > 0 && args[0] == "backtest"
        ? Backtest.Run(args[1..])
        : args.Length > 0 && args[0] == "refit"
            ? RefitBenchmark.Run(args[1..])
            : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: m4 DIR [--limit N] [--model auto|ets|arima|theta|seasonalnaive] [--level-shifts on]");
    Console.Error.WriteLine("       backtest --csv FILE --time COLUMN[,COLUMN...] --value COLUMN [--series COLUMN[,COLUMN...]]");
    Console.Error.WriteLine("                --seasonality 24,168 --horizon 24 --origins 10 [--step-minutes 60] [--level 0.95]");
    Console.Error.WriteLine("       refit [--weeks 5] [--runs 5] [--batch 16] [--threads 2] [--cameras 950]");
    return 2;
}
