using Tributary.Providers;

namespace Tributary.Connectors.Apollo;

public static class ApolloRegistration
{
    /// <summary>Adds the Apollo connector, configured from <c>Providers:Apollo</c>.</summary>
    public static TributaryBuilder AddApollo(this TributaryBuilder builder) =>
        builder.AddProvider<ApolloConnector, ApolloOptions>(ApolloConnector.ProviderName, "Apollo", ApolloRateLimits.Read, limits: ApolloRateLimits.Defaults)
            .WithSandbox(ApolloSandbox.Wiring);
}
