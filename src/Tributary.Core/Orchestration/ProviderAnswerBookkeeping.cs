using Microsoft.Extensions.Logging;
using Tributary.Credits;
using Tributary.Enrichment;
using Tributary.Privacy;
using Tributary.Providers;

namespace Tributary.Orchestration;

/// <summary>
/// What every paid call needs before and after it, whether it carried one lookup or a bulk chunk: the budget check
/// before, and for each answer the credits, exhausted accounts, opt-outs and what the provider fills.
/// </summary>
internal sealed class ProviderAnswerBookkeeping(
    CreditMeter credits,
    SuppressionList suppression,
    ProviderValueStats valueStats,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>
    /// The answer to give instead of calling, when the account is exhausted or over its daily budget; null when the
    /// call may go ahead. A bulk call is checked once, so it may pass a daily budget by at most one chunk.
    /// </summary>
    public async Task<ProviderResult?> RefusalAsync(ProviderRuntime runtime, CancellationToken cancellationToken)
    {
        if (runtime.IsExhaustedAt(time.GetUtcNow()) || await credits.IsOverBudgetAsync(runtime, cancellationToken))
        {
            return ProviderResult.Failed(ProviderStatus.BudgetExhausted, "credits spent until " + (runtime.ExhaustedUntil?.ToString("u") ?? "tomorrow (daily budget)"));
        }

        return null;
    }

    /// <summary>A connector that threw instead of answering: logged, and an answer like any server error.</summary>
    public ProviderResult Crashed(string provider, string subject, Exception exception)
    {
        EngineLog.ProviderCrashed(logger, provider, subject, exception.GetType().Name);
        return ProviderResult.Failed(ProviderStatus.ServerError, "connector error");
    }

    /// <summary>Books one answer. Not cancellable: credits spent and opt-outs reported must be kept whoever stopped waiting.</summary>
    public async Task RecordAsync(ProviderEntry entry, EnrichmentQuery query, string subject, ProviderResult result, long startedAt)
    {
        EngineLog.ProviderAnswered(logger, entry.Name, result.Status.ToWire(), subject, (long)time.GetElapsedTime(startedAt).TotalMilliseconds);
        if (result.Billed)
        {
            await credits.ChargeAsync(entry.Runtime, CancellationToken.None);
        }

        if (result.ExhaustedUntil is { } until)
        {
            entry.Runtime.MarkExhausted(until);
        }

        if (result.SuppressSubject)
        {
            EngineLog.Suppressed(logger, subject, entry.Name);
            await suppression.SuppressAsync(query.Identifiers, $"opted out at {entry.Name}", CancellationToken.None);
        }

        if (result.Status.IsDefinitive())
        {
            valueStats.Record(entry.Name, result.Profile);
        }
    }
}
