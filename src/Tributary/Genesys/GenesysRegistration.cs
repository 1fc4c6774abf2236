using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Tributary.Host.Genesys;

/// <summary>Genesys Cloud in the host: options (validated at start) and the API client.</summary>
internal static class GenesysRegistration
{
    /// <summary>
    /// Binds and validates <c>Genesys</c> and registers <see cref="GenesysClient"/>. Its HTTP pipeline, outermost
    /// first: retries (429 after Retry-After up to <c>MaxRetryAfterSeconds</c>; 5xx and network errors with exponential
    /// backoff from 1 s; <c>MaxAttempts</c> in all) → pacing (<see cref="GenesysPacer"/>: the token's limit, each API's
    /// pause, headroom for attribute writes) → the attempt timeout → the bearer token (a 401 gets a new token and one more try) → the wire. Everything waits on
    /// the registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddGenesys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GenesysOptions>().BindConfiguration(GenesysOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenesysOptions>, GenesysOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GenesysTokenSource>();
        services.TryAddSingleton<GenesysClient>();
        services.TryAddTransient<GenesysAuthHandler>();
        services.TryAddSingleton<GenesysPacer>();

        services.AddHttpClient(GenesysTokenSource.LoginClientName, static http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();

        // The pipeline bounds every attempt; HttpClient's own 100 s would cut a call waiting for its turn.
        var api = services.AddHttpClient(GenesysClient.ApiClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        api.AddResilienceHandler(GenesysClient.ApiClientName, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<GenesysOptions>>().Value;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                var pacer = context.ServiceProvider.GetRequiredService<GenesysPacer>();
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<GenesysClient>();
                var ceiling = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
                if (options.MaxAttempts > 1)
                {
                    pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                    {
                        MaxRetryAttempts = options.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = false,
                        Delay = TimeSpan.FromSeconds(1),
                        ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, ceiling, time)),
                        DelayGenerator = args => ValueTask.FromResult(
                            args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } throttled
                                ? GenesysRateLimits.RetryDelay(throttled, time.GetUtcNow())
                                : (TimeSpan?)null),
                        OnRetry = args =>
                        {
                            // What a dead letter records and a failure's reason says: the attempts really made.
                            args.Context.GetRequestMessage()?.Options.Set(GenesysClient.AttemptsKey, args.AttemptNumber + 2);
                            var cause = Cause(args.Outcome);
                            GenesysLog.Retrying(logger, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, cause);
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                pipeline.AddStrategy(_ => new GenesysPacingStrategy(pacer, time));
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
            });
        api.AddHttpMessageHandler<GenesysAuthHandler>();
        return services;
    }

    /// <summary>
    /// 5xx, 408, no answer at all, and a 429 whose wait is within the ceiling. 400, 401 (already retried once with a
    /// new token), 403 and 404 are final, and so is a refused login.
    /// </summary>
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome, TimeSpan ceiling, TimeProvider time) => outcome.Exception switch
    {
        null => outcome.Result is { } response && (
            (response.StatusCode == HttpStatusCode.TooManyRequests && GenesysRateLimits.RetryDelay(response, time.GetUtcNow()) <= ceiling)
            || response.StatusCode == HttpStatusCode.RequestTimeout
            || (int)response.StatusCode >= 500),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    private static string Cause(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "unknown";
}
