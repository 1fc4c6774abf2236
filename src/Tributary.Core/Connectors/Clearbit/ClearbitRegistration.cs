using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Providers;

namespace Tributary.Connectors.Clearbit;

public static class ClearbitRegistration
{
    /// <summary>Adds the Clearbit connector, configured from <c>Providers:Clearbit</c>.</summary>
    public static TributaryBuilder AddClearbit(this TributaryBuilder builder)
    {
        builder.Services.TryAddSingleton<ClearbitQueuedLookups>();
        return builder.AddProvider<ClearbitConnector, ClearbitOptions>(ClearbitConnector.ProviderName, "Clearbit", ClearbitRateLimits.Read, limits: ClearbitRateLimits.Defaults)
            .WithCallbacks<ClearbitWebhook>()
            .WithSandbox(ClearbitSandbox.Wiring);
    }
}
