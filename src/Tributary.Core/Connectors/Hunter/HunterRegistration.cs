using Tributary.Providers;

namespace Tributary.Connectors.Hunter;

public static class HunterRegistration
{
    /// <summary>Adds the Hunter connector, configured from <c>Providers:Hunter</c>.</summary>
    public static TributaryBuilder AddHunter(this TributaryBuilder builder) =>
        builder.AddProvider<HunterConnector, HunterOptions>(
            HunterConnector.ProviderName, "Hunter", HunterRateLimits.Read, HunterRateLimits.IsRetryable, HunterRateLimits.Defaults)
            .WithSandbox(HunterSandbox.Wiring);
}
