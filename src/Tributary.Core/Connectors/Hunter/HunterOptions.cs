using System.ComponentModel.DataAnnotations;
using Tributary.Providers;

namespace Tributary.Connectors.Hunter;

/// <summary>Bound from <c>Providers:Hunter</c>.</summary>
public sealed class HunterOptions : ProviderOptions
{
    public string? ApiKey { get; set; }

    /// <summary><c>header</c> (default) sends the key as <c>X-API-KEY</c>; <c>query</c> as the <c>api_key</c> parameter.</summary>
    [RegularExpression("(?i)^(header|query)$", ErrorMessage = "Providers:Hunter:AuthStyle must be 'header' or 'query'.")]
    public string AuthStyle { get; set; } = "header";

    /// <summary>Version root of the API; <see cref="ProviderOptions.BaseUrl"/> overrides it.</summary>
    internal string ApiBaseUrl => (BaseUrl ?? "https://api.hunter.io/v2").TrimEnd('/');

    internal bool SendsKeyInQuery => string.Equals(AuthStyle, "query", StringComparison.OrdinalIgnoreCase);

    public override bool HasCredentials => !string.IsNullOrWhiteSpace(ApiKey);
}
