using Tributary.Providers;

namespace Tributary.Connectors.Apollo;

/// <summary>Bound from <c>Providers:Apollo</c>.</summary>
public sealed class ApolloOptions : ProviderOptions
{
    /// <summary>API key, sent as the <c>x-api-key</c> header. It must be scoped for people/match, bulk_match and organizations/enrich.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Version root of the API; <see cref="ProviderOptions.BaseUrl"/> overrides it.</summary>
    internal string ApiBaseUrl => (BaseUrl ?? "https://api.apollo.io/api/v1").TrimEnd('/');

    public override bool HasCredentials => !string.IsNullOrWhiteSpace(ApiKey);
}
