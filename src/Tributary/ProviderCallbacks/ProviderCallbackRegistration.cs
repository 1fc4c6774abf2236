using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>Late provider answers (202 then callback): the index of providers that call back and what keeps their answers; the worker itself is added by <c>serve</c>.</summary>
internal static class ProviderCallbackRegistration
{
    public static IServiceCollection AddProviderCallbacks(this IServiceCollection services)
    {
        services.TryAddSingleton<ProviderCallbackIndex>();
        services.TryAddSingleton<ProviderCallbackProcessor>();
        services.TryAddSingleton<ProviderCallbackWakeup>();
        return services;
    }
}
