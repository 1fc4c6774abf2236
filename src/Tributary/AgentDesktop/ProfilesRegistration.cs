using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tributary.Host.AgentDesktop;

/// <summary>The agent-desktop profile proxy and the audit trail of its reads.</summary>
internal static class ProfilesRegistration
{
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddOptions<ProfileOptions>().BindConfiguration(ProfileOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(ProfilesJsonContext.Default));
        services.TryAddSingleton<ProfileCache>();
        services.TryAddSingleton<ProfileEnrichment>();
        services.TryAddSingleton<ProfileService>();
        services.TryAddSingleton<AuditTrail>();
        services.AddHostedService(static provider => provider.GetRequiredService<AuditTrail>());
        return services;
    }
}
