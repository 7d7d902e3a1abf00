using System.Globalization;
using System.Text;

namespace VibeCheck.Alerting;

/// <summary>
/// The GSM 03.38 default alphabet. A text in it travels as 7-bit septets, 160 to a segment; one other character
/// switches the whole message to UCS-2 and 70 characters a segment, so alert texts are kept inside it.
/// </summary>
public static class Gsm7
{
    /// <summary>Characters of one segment of a GSM-7 message.</summary>
    public const int SegmentSeptets = 160;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Sent as an escape plus the character: two septets each.
    private const string Extension = "^{}\\[~]|€\f";

    /// <summary>True when every character of <paramref name="text"/> is in the GSM-7 alphabet (basic or extension).</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>Septets the text takes; extension characters count two.</summary>
    public static int Septets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
    }

    /// <summary>
    /// The text in GSM-7: typographic quotes and dashes become their ASCII forms, accented letters outside the
    /// alphabet lose the accent (<c>ô</c> to <c>o</c>), whitespace becomes a space, and anything else a <c>?</c>.
    /// </summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal))
            {
                result.Append(c);
                continue;
            }

            result.Append(c switch
            {
                '‘' or '’' or '‚' or '′' or '`' or '´' => "'",
                '“' or '”' or '„' or '″' => "\"",
                '–' or '—' or '‑' or '−' => "-",
                '…' => "...",
                '•' or '·' => "*",
                _ when char.IsWhiteSpace(c) => " ",
                _ => WithoutAccent(c),
            });
        }

        return result.ToString();
    }

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="septets"/>.</summary>
    public static string Truncate(string text, int septets)
    {
        ArgumentNullException.ThrowIfNull(text);
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            used += Extension.Contains(text[i], StringComparison.Ordinal) ? 2 : 1;
            if (used > septets)
            {
                return text[..i];
            }
        }

        return text;
    }

    private static string WithoutAccent(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var letter = decomposed.Length > 0 ? decomposed[0] : c;
        return decomposed.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark
            && Basic.Contains(letter, StringComparison.Ordinal) ? letter.ToString() : "?";
    }
}
