using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Providers;

namespace Tributary.Host.Flat;

/// <summary>The flat contract's one service: the field list, built once from the configured providers.</summary>
internal static class FlatRegistration
{
    public static IServiceCollection AddFlatContract(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => FlatFields.FromProviders(sp.GetRequiredService<ProviderCatalog>()));
        return services;
    }
}
