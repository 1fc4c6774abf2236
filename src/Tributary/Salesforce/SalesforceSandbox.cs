using Tributary.Providers;

namespace Tributary.Host.Salesforce;

/// <summary>
/// Salesforce in sandbox mode: the client logs in to the simulator with its refresh token and writes back to its
/// seeded org; relayed change events are verified with <see cref="WebhookSecret"/>, which the README's signed
/// <c>curl</c> uses.
/// </summary>
internal static class SalesforceSandbox
{
    /// <summary>The relay secret of the sandbox: not a secret, it only signs test deliveries on this machine.</summary>
    public const string WebhookSecret = "salesforce-sandbox-secret";

    public static ProviderSandbox Wiring { get; } = new(
        "salesforce",
        [$"{SalesforceOptions.SectionName}:ClientId"],
        simulator => new Dictionary<string, string?>
        {
            [$"{SalesforceOptions.SectionName}:ClientId"] = simulator.Credentials["clientId"],
            [$"{SalesforceOptions.SectionName}:ClientSecret"] = simulator.Credentials["clientSecret"],
            [$"{SalesforceOptions.SectionName}:RefreshToken"] = simulator.Credentials["refreshToken"],
            [$"{SalesforceOptions.SectionName}:LoginUrl"] = simulator.BaseUrl,
            [$"{SalesforceOptions.SectionName}:WebhookSecret"] = WebhookSecret,
        })
    {
        IsIntegration = true,
    };
}
