using Polly;

namespace Tributary.Deadlines;

/// <summary>
/// Carries the caller's <see cref="CallBudget"/> through the HTTP pipeline, so retries and rate-limit waits
/// can respect the request's deadline.
/// </summary>
public static class ProviderCallContext
{
    private static readonly ResiliencePropertyKey<CallBudget> BudgetKey = new("tributary.budget");

    /// <summary>Sends <paramref name="request"/> with its budget attached to the resilience context.</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpRequestMessage request, CallBudget budget, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(BudgetKey, budget);
            request.SetResilienceContext(context);
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The budget of the call, or batch when none was attached.</summary>
    public static CallBudget BudgetOf(ResilienceContext context) =>
        context.Properties.TryGetValue(BudgetKey, out var budget) ? budget : CallBudget.Batch;
}
