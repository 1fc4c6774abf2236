namespace Tributary.Providers;

/// <summary>
/// How a built-in provider runs in sandbox mode, declared next to its connector: the settings whose presence means a
/// real account is configured, and the settings that point its connector at its simulator.
/// </summary>
/// <param name="Provider">The provider's name, which its simulator shares.</param>
/// <param name="CredentialKeys">Configuration keys that hold the account's credentials.</param>
/// <param name="Settings">The configuration that points the connector at a simulator.</param>
public sealed record ProviderSandbox(
    string Provider,
    IReadOnlyList<string> CredentialKeys,
    Func<SimulatorEndpoint, IReadOnlyDictionary<string, string?>> Settings)
{
    /// <summary>
    /// A system Tributary integrates with (a CRM, the contact center, the CDP) rather than an enrichment provider: with
    /// <c>Sandbox:Enabled=true</c> it uses its simulator unless its own credentials are configured.
    /// </summary>
    public bool IsIntegration { get; init; }
}

/// <summary>Where a simulator listens and the credentials it accepts, by role (<c>apiKey</c>, <c>username</c>, <c>password</c>).</summary>
public sealed record SimulatorEndpoint(string BaseUrl, IReadOnlyDictionary<string, string> Credentials);
