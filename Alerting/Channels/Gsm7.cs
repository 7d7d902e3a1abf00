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

    // Latin letters outside the alphabet and the letter each becomes (a table: the build runs with invariant
    // globalization, under which Unicode decomposition is not available).
    private const string Accented = "ÀÁÂÃĀĂĄàáâãāăąçĆČćčĎĐďđÈÊËĒĖĘĚêëēėęěĞğÌÍÎÏĪĮİíîïīįıŁłŃŇńňÒÓÔÕŌŐóôõōőŘřŚŠŞśšşŢŤţťÙÚÛŪŮŰúûūůűÝŸýÿŹŻŽźżž";
    private const string Plain = "AAAAAAAaaaaaaacCCccDDddEEEEEEEeeeeeeGgIIIIIIIiiiiiiLlNNnnOOOOOOoooooRrSSSsssTTttUUUUUUuuuuuYYyyZZZzzz";

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
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal))
            {
                result.Append(c);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // An emoji or other character beyond the BMP: one '?' for the pair.
                i += char.IsSurrogatePair(text, i) ? 1 : 0;
                result.Append('?');
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
                _ when Accented.Contains(c, StringComparison.Ordinal) => Plain[Accented.IndexOf(c, StringComparison.Ordinal)].ToString(),
                _ => "?",
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
}
