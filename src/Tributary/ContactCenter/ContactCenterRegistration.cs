using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Host.DeadLetters;

namespace Tributary.Host.ContactCenter;

/// <summary>The contact center's event and External Contacts processing; the worker itself is added by <c>serve</c>.</summary>
internal static class ContactCenterRegistration
{
    public static IServiceCollection AddContactCenter(this IServiceCollection services)
    {
        services.TryAddSingleton<CallerAttributes>();
        services.TryAddSingleton<CallerEventProcessor>();
        services.TryAddSingleton<ExternalContactProcessor>();
        services.TryAddSingleton<ContactCenterWakeup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeadLetterReplayer, ContactCenterDeadLetters>());
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(ContactCenterJsonContext.Default));
        return services;
    }
}
