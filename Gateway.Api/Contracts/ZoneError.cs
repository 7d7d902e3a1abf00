using System.Globalization;
using System.Text.RegularExpressions;

namespace VibeCheck.Gateway.Contracts;

/// <summary>
/// One error of a refused <c>PUT /cameras/{id}/zones</c>, in the problem's <c>zoneErrors</c>: the index in the body of
/// the zone it concerns (null for the body as a whole, e.g. too many zones), so a client can show it beside that shape.
/// </summary>
public sealed partial record ZoneError(int? Zone, string Message)
{
    /// <summary>The error with the index its text starts with (<c>zone 2 ...</c>, as the validator words it).</summary>
    public static ZoneError From(string message)
    {
        var match = ZoneIndex().Match(message);
        return new ZoneError(match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null, message);
    }

    [GeneratedRegex(@"^zone (\d{1,9})\b")]
    private static partial Regex ZoneIndex();
}
