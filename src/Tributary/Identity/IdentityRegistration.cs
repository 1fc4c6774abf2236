using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tributary.Host.Identity;

/// <summary>
/// Identity resolution in the host: options, request reading, the service over the store's identity graph, and the
/// queue of answers to link (its worker, <see cref="AnswerLinkWorker"/>, is added by <c>serve</c>, whose answers feed it).
/// </summary>
internal static class IdentityRegistration
{
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()

            // A list binds from indexed keys (BlockedValues:0=…); one comma-separated value, as the command line and
            // environment variables give it, binds to nothing, so it is read here.
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration[$"{IdentityOptions.SectionName}:{nameof(IdentityOptions.BlockedValues)}"] is { Length: > 0 } values)
                {
                    options.BlockedValues.Add(values);
                }
            });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(IdentityJsonContext.Default));
        services.TryAddSingleton<IdentifierReader>();
        services.TryAddSingleton<IdentityKeys>();
        services.TryAddSingleton<EnrichmentLinks>();
        services.TryAddSingleton<AnswerLinks>();
        services.TryAddSingleton<AnswerLinker>();
        services.TryAddSingleton<BlockedValues>();
        services.TryAddSingleton<IdentityRequests>();
        services.TryAddSingleton<SummaryBuilder>();
        services.TryAddSingleton<IdentityService>();
        return services;
    }
}
