namespace VibeCheck.Gateway.Security;

/// <summary>Authorization policy names endpoints use.</summary>
public static class Policies
{
    /// <summary>Calls that change state or cost money.</summary>
    public const string Write = "write";

    /// <summary>Administrative calls (analytics SQL, registry sync).</summary>
    public const string Admin = "admin";

    /// <summary>Reads: open unless <see cref="AuthOptions.RequireKeyForReads"/>.</summary>
    public const string Read = "read";
}
