namespace Tributary.Resilience;

/// <summary>
/// Runs inside the resilience pipeline, so every attempt (retries included) takes a token, and every response
/// corrects the provider's shared budget from its rate-limit headers.
/// </summary>
internal sealed class RateLimitHandler(
    ProviderRateGate gate,
    Func<HttpResponseMessage, DateTimeOffset, RateLimitSignal> readSignal,
    TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.AcquireAsync(ProviderCallContext.BudgetOf(request), cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var signal = readSignal(response, time.GetUtcNow());
        if (!signal.IsEmpty)
        {
            gate.Observe(signal);
        }

        return response;
    }
}
