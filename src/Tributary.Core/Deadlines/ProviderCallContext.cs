using Polly;

namespace Tributary.Deadlines;

/// <summary>
/// Carries the caller's <see cref="CallBudget"/> through the HTTP pipeline, so retries and rate-limit waits
/// can respect the request's deadline.
/// </summary>
public static class ProviderCallContext
{
    private static readonly ResiliencePropertyKey<CallBudget> BudgetKey = new("tributary.budget");
    private static readonly ResiliencePropertyKey<DateTimeOffset> AttemptSentKey = new("tributary.attempt-sent");

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

    /// <summary>Notes when the current attempt went on the wire (after its rate-limit wait).</summary>
    public static void MarkAttemptSent(ResilienceContext context, DateTimeOffset sentAt) =>
        context.Properties.Set(AttemptSentKey, sentAt);

    /// <summary>When the last attempt went on the wire, or null when none did (it was refused at the gate).</summary>
    public static DateTimeOffset? AttemptSentAt(ResilienceContext context) =>
        context.Properties.TryGetValue(AttemptSentKey, out var sentAt) ? sentAt : null;

    /// <summary>The budget of the call, or batch when none was attached.</summary>
    public static CallBudget BudgetOf(ResilienceContext context) =>
        context.Properties.TryGetValue(BudgetKey, out var budget) ? budget : CallBudget.Batch;
}
