namespace Tributary.Host.Genesys;

/// <summary>The login refused the configured client (a revoked or wrong client id or secret). Not retried.</summary>
internal sealed class GenesysAuthenticationException(int status)
    : Exception($"Genesys Cloud refused the configured OAuth client (HTTP {status}); check Genesys:ClientId and Genesys:ClientSecret.")
{
    /// <summary>The login's HTTP status.</summary>
    public int Status { get; } = status;
}
