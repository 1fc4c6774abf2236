using Tributary.Providers;

namespace Tributary.Connectors.PeopleDataLabs;

/// <summary>Bound from <c>Providers:PeopleDataLabs</c>.</summary>
public sealed class PeopleDataLabsOptions : ProviderOptions
{
    /// <summary>API key, sent as the <c>X-Api-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Version root of the API; <see cref="ProviderOptions.BaseUrl"/> overrides it (e.g. PDL's sandbox host).</summary>
    internal string ApiBaseUrl => (BaseUrl ?? "https://api.peopledatalabs.com/v5").TrimEnd('/');

    public override bool HasCredentials => !string.IsNullOrWhiteSpace(ApiKey);
}
