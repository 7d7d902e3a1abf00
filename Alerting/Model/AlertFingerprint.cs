using System.Security.Cryptography;
using System.Text;

namespace VibeCheck.Alerting;

/// <summary>Stable identity of an alert computed from its labels, the same in every process.</summary>
public static class AlertFingerprint
{
    /// <summary>16 lowercase hex characters of SHA-256 over the labels sorted by name.</summary>
    public static string Compute(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var text = new StringBuilder();
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\0').Append(value).Append('\0');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
