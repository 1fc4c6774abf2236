using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>Bulk jobs in the gateway: options, the submission reader, the background runner and the signed callback client.</summary>
internal static class JobsRegistration
{
    public static IServiceCollection AddTributaryJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IStoreSettings>((jobs, settings) =>
                jobs.CallbackSecret ??= settings.GetOrCreate("jobs_callback_secret", () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(JobsJsonContext.Default));
        services.TryAddSingleton<JobWakeup>();
        services.TryAddSingleton<JobSubmissionReader>();
        services.TryAddSingleton<JobExecution>();
        services.TryAddSingleton<JobCallbackSender>();
        services.TryAddSingleton<CallbackConnector>();
        services.AddHostedService<JobRunner>();

        // Retries are the pipeline's; each attempt is signed and counted by the handler inside it.
        // Connections are opened by the connector, which refuses what callbacks may not reach.
        var client = services.AddHttpClient(JobCallbackSender.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<CallbackConnector>().CreateHandler());
        client.AddResilienceHandler(JobCallbackSender.ClientName, (pipeline, context) =>
            {
                var jobs = context.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                if (jobs.CallbackMaxAttempts > 1)
                {
                    var first = TimeSpan.FromMilliseconds(jobs.CallbackRetryDelayMs);
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = jobs.CallbackMaxAttempts - 1,
                        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                            CallbackBackoff.Delay(first, args.AttemptNumber, args.Outcome.Result, time.GetUtcNow())),

                        // Only a 2xx delivers (docs/jobs.md): a receiver's 404 or 410 may be a deployment under way, and
                        // giving up on it loses the job's only notice. A refused destination stays refused: asking again
                        // would only delay the outcome.
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response
                            ? !response.IsSuccessStatusCode
                            : !CallbackRefusedException.IsRefusal(args.Outcome.Exception) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromMilliseconds(jobs.CallbackTimeoutMs));
            });
        client.AddHttpMessageHandler(sp => new CallbackSigningHandler(sp.GetRequiredService<IOptions<JobsOptions>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
