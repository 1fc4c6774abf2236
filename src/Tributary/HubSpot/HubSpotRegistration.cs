using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Tributary.Host.Crm;

namespace Tributary.Host.HubSpot;

/// <summary>HubSpot in the host: options (always, for the webhook), and the CRM client when a token is configured.</summary>
internal static class HubSpotRegistration
{
    /// <summary>The named <see cref="HttpClient"/> of HubSpot calls.</summary>
    public const string HttpClientName = "hubspot";

    /// <summary>
    /// Binds and validates <c>HubSpot</c>; registers <see cref="HubSpotClient"/> as an <see cref="ICrmSystem"/>, which
    /// the pipeline uses once <c>HubSpot:AccessToken</c> is set (a base URL alone cannot authenticate). Its HTTP pipeline, outermost first:
    /// ten-secondly 429 retries → 5xx and network retries with exponential backoff → the account's pacing → the
    /// attempt timeout → the wire.
    /// </summary>
    public static IServiceCollection AddHubSpot(this IServiceCollection services, IConfiguration configuration)
    {
        // HubSpot:TriggerProperties may also be one value, comma-separated (an environment variable, a flag), which
        // binds to nothing as a list does from indexed keys; it is read here.
        services.AddOptions<HubSpotOptions>().BindConfiguration(HubSpotOptions.SectionName)
            .PostConfigure<IConfiguration>(static (hubspot, configuration) =>
                hubspot.AddTriggerList(configuration[$"{HubSpotOptions.SectionName}:{nameof(HubSpotOptions.TriggerProperties)}"]))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubSpotPacer>();
        services.TryAddSingleton<HubSpotClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmSystem, HubSpotClient>(static sp => sp.GetRequiredService<HubSpotClient>()));

        // The pipeline bounds every attempt; HttpClient's own 100 s would cut a call waiting for its turn.
        services.AddHttpClient(HttpClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers()
            .AddResilienceHandler(HttpClientName, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<HubSpotOptions>>().Value;
                var pacer = context.ServiceProvider.GetRequiredService<HubSpotPacer>();
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<HubSpotClient>();
                if (options.MaxThrottleRetries > 0)
                {
                    pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                    {
                        Name = "ten-secondly",
                        MaxRetryAttempts = options.MaxThrottleRetries,
                        ShouldHandle = static async args => HubSpotThrottle.IsThrottle(args.Outcome.Result)
                            && !HubSpotThrottle.IsDaily(await HubSpotThrottle.PolicyAsync(args.Outcome.Result!, args.Context.CancellationToken)),
                        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(HubSpotThrottle.Delay(args.Outcome.Result!, time.GetUtcNow(), pacer.Interval)),
                        OnRetry = args =>
                        {
                            HubSpotLog.Throttled(logger, "TEN_SECONDLY_ROLLING", (long)args.RetryDelay.TotalMilliseconds);
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                if (options.MaxAttempts > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        Name = "transient",
                        MaxRetryAttempts = options.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                        ShouldRetryAfterHeader = false,
                        ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddStrategy(_ => new HubSpotPacingStrategy(pacer, time));
                pipeline.AddTimeout(TimeSpan.FromMilliseconds(options.TimeoutMs));
            });
        return services;
    }

    /// <summary>5xx, 408 and failures to get an answer at all; 429 is the throttle retry's, 4xx are final.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && (response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };
}
