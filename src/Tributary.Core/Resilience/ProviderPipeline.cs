using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Tributary.Deadlines;
using Tributary.Providers;

namespace Tributary.Resilience;

/// <summary>
/// The outbound HTTP pipeline of every provider, composed in one place, outermost first:
/// circuit breaker (one outcome per call, its retries included) → retry (budget-aware, honours Retry-After) →
/// rate-limit gate → attempt timeout → the wire.
/// The gate sits outside the attempt timeout, and the client has no overall timeout of its own: batch work may wait
/// hours for a spent window to renew, while each attempt on the wire is still bounded (<c>TimeoutMs</c>, or
/// <c>BatchTimeoutMs</c>) and a real-time call never waits past its deadline.
/// </summary>
internal static class ProviderPipeline
{
    /// <summary>
    /// Attempts a batch call makes while the provider keeps throttling it: batch work waits out a rate limit (each
    /// retry after the pause the provider asked for) instead of failing the record after <c>MaxRetries</c>.
    /// </summary>
    private const int ThrottledBatchAttempts = 20;

    /// <summary>The least time a retry is given, however quickly the attempt before it failed.</summary>
    private static readonly TimeSpan MinimumUsefulAttempt = TimeSpan.FromMilliseconds(50);

    public static IHttpClientBuilder AddProviderHttpClient(
        this IServiceCollection services,
        string name,
        Func<HttpResponseMessage, DateTimeOffset, RateLimitSignal> readSignal,
        Func<HttpStatusCode, bool>? isRetryable = null)
    {
        isRetryable ??= IsTransient;
        // HttpClient's own 100 s default would cut a batch call parked at the gate; the pipeline bounds every attempt.
        var builder = services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            var runtime = context.ServiceProvider.GetRequiredKeyedService<ProviderRuntime>(name);
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var options = runtime.Options;

            // Outside the retries, so a lookup counts once however many attempts it made: one subject's bad answer,
            // retried, does not open the circuit for every caller.
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
                FailureRatio = options.CircuitBreaker.FailureRatio,
                SamplingDuration = TimeSpan.FromMilliseconds(options.CircuitBreaker.SamplingDurationMs),
                BreakDuration = TimeSpan.FromMilliseconds(options.CircuitBreaker.BreakDurationMs),
                StateProvider = runtime.Circuit,
                ShouldHandle = args => ValueTask.FromResult(IsProviderFault(args.Outcome)),
            });

            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, ThrottledBatchAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    IsRetryableOutcome(args.Outcome, isRetryable)
                    && (args.AttemptNumber < options.MaxRetries || IsThrottledBatchCall(args, readSignal, time))
                    && BudgetAllowsRetry(args, options, time)),
            });

            pipeline.AddStrategy(_ => new RateGateStrategy(runtime.Gate, readSignal, time));

            var realTimeAttempt = TimeSpan.FromMilliseconds(options.TimeoutMs);
            var batchAttempt = TimeSpan.FromMilliseconds(options.BatchTimeoutMs);
            pipeline.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(ProviderCallContext.BudgetOf(args.Context).IsRealTime ? realTimeAttempt : batchAttempt),
            });
        });

        return builder;
    }

    /// <summary>Statuses worth another attempt. 400, 401, 403, 404 and 422 never are.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)status >= 500;

    private static bool IsRetryableOutcome(Outcome<HttpResponseMessage> outcome, Func<HttpStatusCode, bool> isRetryable) =>
        outcome.Exception switch
        {
            null => outcome.Result is { } response && isRetryable(response.StatusCode),
            HttpRequestException or TimeoutRejectedException => true,
            _ => false,
        };

    private static bool IsThrottledBatchCall(
        RetryPredicateArguments<HttpResponseMessage> args, Func<HttpResponseMessage, DateTimeOffset, RateLimitSignal> readSignal, TimeProvider time) =>
        !ProviderCallContext.BudgetOf(args.Context).IsRealTime
        && args.Outcome.Result is { } response
        && readSignal(response, time.GetUtcNow()).Throttled;

    /// <summary>Failures that count against the circuit: the provider is down or broken, not merely busy.</summary>
    private static bool IsProviderFault(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception switch
        {
            null => outcome.Result is { } response && (int)response.StatusCode >= 500,
            HttpRequestException or TimeoutRejectedException => true,
            _ => false,
        };

    private static bool BudgetAllowsRetry(RetryPredicateArguments<HttpResponseMessage> args, ProviderOptions options, TimeProvider time)
    {
        var budget = ProviderCallContext.BudgetOf(args.Context);
        if (!budget.IsRealTime)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var delay = args.Outcome.Result is { } response && RetryAfter.From(response, now) is { } retryAfter
            ? retryAfter
            : TimeSpan.FromMilliseconds(options.RetryBaseDelayMs * Math.Pow(2, args.AttemptNumber));
        return budget.Remaining(now) >= delay + LikelyAttempt(args.Context, options, now);
    }

    /// <summary>
    /// How long another attempt may take, judged by the one that just failed: a provider that timed out or answered
    /// a 503 after 450 ms is not retried with 300 ms left (the retry would fail the same way and hide the real error
    /// behind a timeout, and a waterfall would lose the time its next provider needs), while a fast failure still is.
    /// </summary>
    private static TimeSpan LikelyAttempt(ResilienceContext context, ProviderOptions options, DateTimeOffset now)
    {
        var took = ProviderCallContext.AttemptSentAt(context) is { } sentAt ? now - sentAt : TimeSpan.Zero;
        var attemptTimeout = TimeSpan.FromMilliseconds(options.TimeoutMs);
        return took < MinimumUsefulAttempt ? MinimumUsefulAttempt : took > attemptTimeout ? attemptTimeout : took;
    }
}
