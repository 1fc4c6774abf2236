using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Host.DeadLetters;

namespace Tributary.Host.Pipeline;

/// <summary>The pipeline: options, the worker and its parts, staging input, dead-letter replay, rollback and alerts.</summary>
internal static class PipelineRegistration
{
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        // Pipeline:WriteBack:Protected may also be one value, comma-separated (an environment variable, a flag).
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName)
            .PostConfigure<IConfiguration>((pipeline, configuration) =>
                pipeline.WriteBack.AddProtectedList(configuration[$"{PipelineOptions.SectionName}:WriteBack:{nameof(WriteBackOptions.Protected)}"]))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, WriteBackPolicyValidator>());
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(PipelineJsonContext.Default));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(DeadLetterJsonContext.Default));
        services.TryAddSingleton<CrmSystems>();
        services.TryAddSingleton<PipelineStatusReader>();
        services.TryAddSingleton<PipelineWakeup>();
        services.TryAddSingleton(sp => new WriteBackPolicy(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.WriteBack));
        services.TryAddSingleton<WriteBackPlanner>();
        services.TryAddSingleton<PipelineSettlement>();
        services.TryAddSingleton<UsableIdentifiers>();
        services.TryAddSingleton<PipelinePass>();
        services.TryAddSingleton<PipelineWorker>();
        services.TryAddSingleton<PipelineAlerts>();
        services.TryAddSingleton<PipelineRollback>();
        services.TryAddSingleton<StagingInput>();
        services.TryAddSingleton<DeadLetterReplay>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeadLetterReplayer, PipelineDeadLetters>());
        services.AddHttpClient(PipelineAlerts.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        return services;
    }
}
