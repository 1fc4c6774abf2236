using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tributary.Host.Identity;

/// <summary>Identity resolution in the host: options, request reading, the service over the store's identity graph.</summary>
internal static class IdentityRegistration
{
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(IdentityJsonContext.Default));
        services.TryAddSingleton<IdentifierReader>();
        services.TryAddSingleton<IdentityKeys>();
        services.TryAddSingleton<BlockedValues>();
        services.TryAddSingleton<IdentityRequests>();
        services.TryAddSingleton<SummaryBuilder>();
        services.TryAddSingleton<IdentityService>();
        return services;
    }
}
