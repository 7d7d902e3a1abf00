using System.Security.Cryptography;
using System.Text;

namespace VibeCheck.Alerting;

/// <summary>The <c>X-VibeCheck-Signature</c> header: <c>sha256=</c> + lowercase hex HMAC-SHA256 of the raw body.</summary>
public static class WebhookSignature
{
    /// <summary>Header carrying the signature.</summary>
    public const string HeaderName = "X-VibeCheck-Signature";

    /// <summary>Header carrying the idempotency key.</summary>
    public const string IdempotencyHeaderName = "Idempotency-Key";

    /// <summary>The header value for a body.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Constant-time check of a received header value; what receivers do.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header)
    {
        if (header is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(body, secret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }
}
