namespace VibeCheck.Forecasting.Bench;

/// <summary>Minimal <c>--name value</c> parsing.</summary>
internal sealed class Arguments(string[] args)
{
    public string? Get(string name)
    {
        int i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public string Required(string name) =>
        Get(name) ?? throw new ArgumentException($"missing --{name}");

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Get(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
