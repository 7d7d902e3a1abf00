using System.Globalization;

namespace VibeCheck.Gateway.Http;

/// <summary>Whole numbers given in a query string, as the endpoints accept them.</summary>
public static class QueryNumbers
{
    /// <summary>
    /// <paramref name="fallback"/> when <paramref name="text"/> is absent; otherwise true only for plain digits naming a
    /// number from 1 to <paramref name="max"/> (no sign, spaces or separators).
    /// </summary>
    public static bool TryParse(string? text, int fallback, int max, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is > 0 && value <= max;
    }
}
