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
    /// How many of <paramref name="calls"/> calls may be made now, with their cost reserved in the daily budget: none
    /// while the account is exhausted. <see cref="Release"/> the reservation once the calls are booked.
    /// </summary>
    public async ValueTask<int> ReserveAsync(ProviderRuntime runtime, int calls, CancellationToken cancellationToken) =>
        runtime.IsExhaustedAt(time.GetUtcNow()) ? 0 : await credits.ReserveAsync(runtime, calls, cancellationToken);

    public void Release(ProviderRuntime runtime, int calls) => credits.Release(runtime, calls);

    /// <summary>The answer given instead of a call the account or the daily budget has no room for.</summary>
    public static ProviderResult Refusal(ProviderRuntime runtime) =>
        ProviderResult.Failed(ProviderStatus.BudgetExhausted, "credits spent until " + (runtime.ExhaustedUntil?.ToString("u") ?? "tomorrow (daily budget)"));

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

        entry.Runtime.NoteAnswer(result.Status);
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
