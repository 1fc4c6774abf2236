using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Host.DeadLetters;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>
/// Late provider answers (202 then callback): the index of providers that call back, what keeps their answers, the
/// worker that applies them (run by <c>serve</c> and <c>tributary worker</c>) and the replay of their dead letters.
/// </summary>
internal static class ProviderCallbackRegistration
{
    public static IServiceCollection AddProviderCallbacks(this IServiceCollection services)
    {
        services.TryAddSingleton<ProviderCallbackIndex>();
        services.TryAddSingleton<ProviderCallbackProcessor>();
        services.TryAddSingleton<ProviderCallbackWakeup>();
        services.TryAddSingleton<ProviderCallbackWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeadLetterReplayer, ProviderCallbackDeadLetters>());
        return services;
    }
}
