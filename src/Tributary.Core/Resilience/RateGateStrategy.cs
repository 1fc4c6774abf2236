using Polly;
using Tributary.Deadlines;
using Tributary.Providers;

namespace Tributary.Resilience;

/// <summary>
/// The provider's rate gate as a step of the resilience pipeline, outside the attempt timeout: every attempt (retries
/// included) waits for its turn first, so a wait for the provider's window to renew is never cut short as a slow
/// attempt; and every answer corrects the provider's shared budget from its rate-limit headers and status.
/// </summary>
internal sealed class RateGateStrategy(
    ProviderRateGate gate,
    Func<HttpResponseMessage, DateTimeOffset, RateLimitSignal> readSignal,
    TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        if (WarmupLookup.Active)
        {
            // Answered before the network: it spends none of the provider's quota, shared or not.
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        try
        {
            await gate.AcquireAsync(ProviderCallContext.BudgetOf(context), context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception exception) when (exception is ProviderRateLimitedException or OperationCanceledException)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }

        var sentAt = time.GetUtcNow();
        ProviderCallContext.MarkAttemptSent(context, sentAt);
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Result is { } response)
        {
            gate.Observe(readSignal(response, time.GetUtcNow()), sentAt);
        }

        return outcome;
    }
}
