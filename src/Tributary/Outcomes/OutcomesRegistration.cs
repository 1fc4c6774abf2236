using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Host.DeadLetters;

namespace Tributary.Host.Outcomes;

/// <summary>Interaction outcomes for the CDP: options, the sender, dead-letter replay; the worker is added by <c>serve</c>.</summary>
internal static class OutcomesRegistration
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services)
    {
        services.AddOptions<OutcomeOptions>().BindConfiguration(OutcomeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(OutcomesJsonContext.Default));
        services.TryAddSingleton<OutcomeSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeadLetterReplayer, OutcomeDeadLetters>());
        return services;
    }
}
