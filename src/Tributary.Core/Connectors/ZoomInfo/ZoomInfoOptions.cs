using Tributary.Providers;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>Bound from <c>Providers:ZoomInfo</c>. Username + password, or ClientId + PrivateKey (PKI).</summary>
public sealed class ZoomInfoOptions : ProviderOptions
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Client id for PKI authentication (with <see cref="PrivateKey"/> and <see cref="Username"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>PEM-encoded RSA private key from the ZoomInfo admin portal.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>
    /// Renew the JWT this long before it expires. ZoomInfo tokens live 60 minutes and its docs advise renewing at 55.
    /// Default 5 minutes.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    internal string ApiBaseUrl => (BaseUrl ?? "https://api.zoominfo.com").TrimEnd('/');

    internal bool UsesKeyPair => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(PrivateKey);

    public override bool HasCredentials =>
        (!string.IsNullOrWhiteSpace(Username) && !string.IsNullOrWhiteSpace(Password)) || UsesKeyPair;
}
