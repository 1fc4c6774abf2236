using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tributary.Host.Privacy;

/// <summary>Right to erasure in the host (masking and the suppression list are the core's).</summary>
internal static class PrivacyRegistration
{
    public static IServiceCollection AddErasure(this IServiceCollection services)
    {
        services.TryAddSingleton<SubjectEraser>();
        services.TryAddSingleton<LateWriteSweep>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(PrivacyJsonContext.Default));
        return services;
    }
}
