using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VibeCheck.TestSupport.PubSub;

/// <summary>
/// A Google service account made up for a test: a real RSA key, its key file as <c>gcloud iam service-accounts keys
/// create</c> writes it (with <c>token_uri</c> pointing at a loopback server), and the check of the JWT that
/// Google.Apis.Auth signs with it.
/// </summary>
public sealed class ServiceAccountKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    /// <summary>The account's e-mail, the JWT's issuer.</summary>
    public string ClientEmail { get; } = "vibecheck-test@vibe-proj-1.iam.gserviceaccount.com";

    /// <summary>Id of the key, the JWT header's <c>kid</c>.</summary>
    public string KeyId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>The key file's JSON, exchanging tokens at <paramref name="tokenUri"/>.</summary>
    public string Json(string project, string tokenUri) => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = project,
        ["private_key_id"] = KeyId,
        ["private_key"] = _rsa.ExportPkcs8PrivateKeyPem() + "\n",
        ["client_email"] = ClientEmail,
        ["client_id"] = "104242424242424242424",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = tokenUri,
        ["universe_domain"] = "googleapis.com",
    }.ToJsonString();

    /// <summary>
    /// Null when <paramref name="jwt"/> is signed by this key, issued by this account for <paramref name="audience"/>,
    /// not expired and asks for <paramref name="scope"/>; otherwise what is wrong with it.
    /// </summary>
    public string? Reject(string jwt, string audience, string scope, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return "the assertion is not a JWT";
        }

        var header = JsonNode.Parse(Base64Url(parts[0]));
        if ((string?)header?["alg"] != "RS256")
        {
            return "the JWT is not RS256";
        }

        if (!_rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "invalid JWT signature";
        }

        using var claims = JsonDocument.Parse(Base64Url(parts[1]));
        var root = claims.RootElement;
        return Text(root, "iss") != ClientEmail ? "the JWT's issuer is not the account"
            : Text(root, "aud") != audience ? $"the JWT's audience is not {audience}"
            : !(Text(root, "scope") ?? "").Split(' ').Contains(scope) ? $"the JWT does not ask for {scope}"
            : !root.TryGetProperty("exp", out var exp) || DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) < now ? "the JWT has expired"
            : null;
    }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
