using System.Net;
using System.Net.Sockets;

namespace VibeCheck.Alerting;

/// <summary>
/// Checks outbound webhook URLs: absolute http/https, no user info, and no loopback, private, link-local
/// or unspecified address unless private targets are allowed. Host names are not resolved here.
/// </summary>
public static class WebhookUrlValidator
{
    /// <summary>Null when the URL is acceptable, otherwise the reason.</summary>
    public static string? Validate(string? url, bool allowPrivateNetworkTargets)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "URL is empty";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "URL is not absolute";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"scheme '{uri.Scheme}' is not http or https";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "URL must not carry user info";
        }

        if (allowPrivateNetworkTargets)
        {
            return null;
        }

        if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "loopback targets are not allowed (set Alerts:AllowPrivateNetworkTargets)";
        }

        if (IPAddress.TryParse(uri.IdnHost, out var address) && IsPrivate(address))
        {
            return $"private or reserved address {address} is not allowed (set Alerts:AllowPrivateNetworkTargets)";
        }

        return null;
    }

    /// <summary>True for loopback, RFC 1918, CGNAT, link-local, unspecified, unique-local and site-local addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}
