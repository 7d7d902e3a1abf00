namespace VibeCheck.Gateway.Security;

/// <summary>Who may call an endpoint and from which rate budget: one call per endpoint or group instead of two.</summary>
public static class EndpointAccess
{
    /// <summary>Reads: open unless keys are required for reads; the read rate budget.</summary>
    public static TBuilder ForReaders<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Read).RequireRateLimiting(SecurityServiceCollectionExtensions.ReadPolicy);

    /// <summary>Calls that change state or cost money: the writer key; the write rate budget.</summary>
    public static TBuilder ForWriters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Write).RequireRateLimiting(SecurityServiceCollectionExtensions.WritePolicy);

    /// <summary>Administrative calls: the admin key; the write rate budget.</summary>
    public static TBuilder ForAdmins<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.Admin).RequireRateLimiting(SecurityServiceCollectionExtensions.WritePolicy);
}
