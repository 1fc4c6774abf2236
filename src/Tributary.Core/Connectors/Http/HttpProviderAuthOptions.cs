namespace Tributary.Connectors.Http;

/// <summary>How a generic REST provider instance authenticates, bound from <c>Providers:Http:&lt;Instance&gt;:Auth</c>.</summary>
public sealed class HttpProviderAuthOptions
{
    /// <summary>
    /// <c>none</c> (default); <c>bearer</c>: <c>Authorization: Bearer {Token}</c>; <c>header</c>: <c>{HeaderName}: {Token}</c>;
    /// <c>basic</c>: <see cref="Username"/> and <see cref="Password"/>; <c>query</c>: <c>?{QueryName}={Token}</c>.
    /// </summary>
    public string Style { get; set; } = "none";

    public string? Token { get; set; }

    /// <summary>Header for the <c>header</c> style. Default <c>X-Api-Key</c>.</summary>
    public string HeaderName { get; set; } = "X-Api-Key";

    /// <summary>Query parameter for the <c>query</c> style. Default <c>api_key</c>.</summary>
    public string QueryName { get; set; } = "api_key";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
