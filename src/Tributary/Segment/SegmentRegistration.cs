using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using Tributary.Resilience;

namespace Tributary.Host.Segment;

/// <summary>Segment in the host: options (always), the tracking client with a write key, the profile client with a space and token.</summary>
internal static class SegmentRegistration
{
    /// <summary>The named <see cref="HttpClient"/> of Tracking API calls.</summary>
    public const string TrackingClientName = "segment-tracking";

    /// <summary>The named <see cref="HttpClient"/> of Profile API calls.</summary>
    public const string ProfilesClientName = "segment-profiles";

    /// <summary>
    /// Binds and validates <c>Segment</c>, and registers both clients, whose settings may arrive after registration (the
    /// sandbox adds them at start): callers check <see cref="SegmentOptions.HasWriteKey"/> and
    /// <see cref="SegmentOptions.HasProfiles"/>. <see cref="SegmentTrackingClient"/>'s pipeline, outermost first: retries
    /// of 5xx, 429 and network errors with exponential backoff (Retry-After honoured up to
    /// <see cref="SegmentOptions.MaxRetryAfterSeconds"/>) → attempt timeout. <see cref="SegmentProfileClient"/>'s: a
    /// bounded retry → circuit breaker (<see cref="SegmentProfileCircuit"/>) → attempt timeout.
    /// </summary>
    public static IServiceCollection AddSegment(this IServiceCollection services)
    {
        services.AddOptions<SegmentOptions>().BindConfiguration(SegmentOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SegmentOptions>, SegmentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SegmentTrackingClient>();
        AddTrackingHttpClient(services);
        services.TryAddSingleton<SegmentProfileCircuit>();
        services.TryAddSingleton<SegmentProfileClient>();
        AddProfilesHttpClient(services);
        return services;
    }

    /// <summary>Answers worth another attempt: 408, 429 and 5xx. A 400 (oversized, invalid JSON) never is.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static void AddTrackingHttpClient(IServiceCollection services) =>
        // The pipeline bounds every attempt; HttpClient's own 100 s would cut a call waiting out a Retry-After.
        services.AddHttpClient(TrackingClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers()
            .AddResilienceHandler(TrackingClientName, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SegmentOptions>>().Value;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                if (options.MaxAttempts > 1)
                {
                    pipeline.AddRetry(Retry(options.MaxAttempts, options.RetryBaseDelayMs, TimeSpan.FromSeconds(options.MaxRetryAfterSeconds), time));
                }

                pipeline.AddTimeout(TimeSpan.FromMilliseconds(options.TimeoutMs));
            });

    private static void AddProfilesHttpClient(IServiceCollection services) =>
        services.AddHttpClient(ProfilesClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers()
            .AddResilienceHandler(ProfilesClientName, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SegmentOptions>>().Value;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                var circuit = context.ServiceProvider.GetRequiredService<SegmentProfileCircuit>();
                if (options.ProfileMaxAttempts > 1)
                {
                    // An agent is waiting: a Retry-After longer than one attempt is not waited for.
                    pipeline.AddRetry(Retry(options.ProfileMaxAttempts, options.ProfileRetryBaseDelayMs, TimeSpan.FromMilliseconds(options.ProfileTimeoutMs), time));
                }

                var breaker = options.ProfileCircuitBreaker;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    Name = "segment-profiles",
                    MinimumThroughput = breaker.MinimumThroughput,
                    FailureRatio = breaker.FailureRatio,
                    SamplingDuration = TimeSpan.FromMilliseconds(breaker.SamplingDurationMs),
                    BreakDuration = TimeSpan.FromMilliseconds(breaker.BreakDurationMs),
                    StateProvider = circuit.State,
                    ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromMilliseconds(options.ProfileTimeoutMs));
            });

    private static HttpRetryStrategyOptions Retry(int attempts, int baseDelayMs, TimeSpan longestRetryAfter, TimeProvider time) => new()
    {
        MaxRetryAttempts = attempts - 1,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(baseDelayMs),
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)
            && (args.Outcome.Result is not { } response || RetryAfter.From(response, time.GetUtcNow()) is not { } wait || wait <= longestRetryAfter)),
        // Retry-After when Segment sends one (429 with Retry-After and X-RateLimit-Reset), else the backoff.
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.From(response, time.GetUtcNow()) : null),
    };

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };
}
