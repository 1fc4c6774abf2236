using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Host.ProviderCallbacks;

namespace Tributary.IntegrationTests.ProviderCallbacks;

/// <summary>
/// A gateway that stores deliveries but does not apply them itself (as one that stopped right after its <c>202</c>):
/// whatever applies them afterwards is another process on the same store.
/// </summary>
internal static class GatewaysWithoutCallbackWorker
{
    public static void Remove(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ProviderCallbackService)));
}
