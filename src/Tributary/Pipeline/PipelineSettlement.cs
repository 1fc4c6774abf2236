using Microsoft.Extensions.Options;
using Tributary.Host.Crm;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>
/// How a staged record leaves a pass: done (its row deleted, counted enriched or unmatched), put back to retry with
/// exponential backoff, put back until a CRM's limit resets (not counted as an attempt), or a dead letter once it has
/// had <see cref="PipelineOptions.MaxAttempts"/> or cannot succeed.
/// </summary>
internal sealed class PipelineSettlement(
    IStagingQueue queue,
    IUnmatchedRecordStore unmatched,
    IDeadLetterStore deadLetters,
    IdentifierHasher hasher,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<PipelineSettlement> logger)
{
    public const string DeadLetterKind = "pipeline";

    private readonly PipelineOptions _options = options.Value;

    /// <summary>Deletes staged rows whose work is complete.</summary>
    public async Task DoneAsync(ClaimScope claimed, IReadOnlyCollection<PipelineItem> items, int enrichedCount, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        await queue.DeleteAsync(claimed.Claim.Token, [.. items.Select(i => i.Staged)], cancellationToken);
        claimed.Run.AddEnriched(enrichedCount);
    }

    /// <summary>Records nobody could match (or a CRM no longer has): a row in <c>unmatched_records</c>, and done.</summary>
    public async Task UnmatchedAsync(ClaimScope claimed, IReadOnlyCollection<PipelineItem> items, string reason, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var at = time.GetUtcNow();
        await unmatched.AddAsync([.. items.Select(item => new UnmatchedRecord(item.WarehouseId, hasher.Hash(IdentifierOf(item)), reason, at))], cancellationToken);

        await queue.DeleteAsync(claimed.Claim.Token, [.. items.Select(i => i.Staged)], cancellationToken);
        claimed.Run.AddUnmatched(items.Count);
    }

    /// <summary>A failed attempt: back to the queue after a backoff, or a dead letter when attempts are used up.</summary>
    public async Task RetryAsync(ClaimScope claimed, IReadOnlyCollection<ClaimedRecord> records, string reason, CancellationToken cancellationToken)
    {
        var spent = records.Where(r => r.Attempts >= _options.MaxAttempts).ToArray();
        await DeadLetterAsync(claimed, spent, reason, cancellationToken);
        foreach (var byAttempt in records.Except(spent).GroupBy(r => r.Attempts))
        {
            var delay = Backoff(byAttempt.Key);
            var dueAt = time.GetUtcNow() + delay;
            await queue.DeferAsync(claimed.Claim.Token, [.. byAttempt], dueAt, countAttempt: true, cancellationToken);
            claimed.Run.AddRetried(byAttempt.Count(), dueAt);
            PipelineLog.Retrying(logger, byAttempt.Count(), reason, byAttempt.Key, delay.TotalSeconds);
        }
    }

    /// <summary>A CRM call failed as a whole: wait for its limit to reset (not an attempt), else retry with backoff.</summary>
    public Task PutBackAsync(ClaimScope claimed, IReadOnlyCollection<ClaimedRecord> records, CrmUnavailableException unavailable, CancellationToken cancellationToken) =>
        unavailable.ResumeAt is { } resumeAt
            ? queue.DeferAsync(claimed.Claim.Token, records, resumeAt, countAttempt: false, cancellationToken)
            : RetryAsync(claimed, records, unavailable.Reason, cancellationToken);

    /// <summary>Records that will not succeed by waiting: a dead letter each, and their staged rows deleted.</summary>
    public async Task DeadLetterAsync(ClaimScope claimed, IReadOnlyCollection<ClaimedRecord> records, string reason, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var at = time.GetUtcNow();
        foreach (var record in records)
        {
            await deadLetters.AddAsync(
                new NewDeadLetter(DeadLetterKind, record.SourceSystem, record.RecordId, new DeadLetterPayload(record.Payload).ToJson(), reason, record.Attempts, at),
                cancellationToken);
        }

        await queue.DeleteAsync(claimed.Claim.Token, records, cancellationToken);
        claimed.Run.AddFailed(records.Count);
        PipelineLog.DeadLettered(logger, records.Count, reason);
    }

    /// <summary>What an unmatched row is keyed by, as the warehouse and an erasure hash it: an email trimmed and lower-cased.</summary>
    private static string IdentifierOf(PipelineItem item) =>
        item.Identity.Email?.Trim().ToLowerInvariant() ?? item.Identity.Phone ?? item.Identity.Domain ?? item.WarehouseId;

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(_options.MaxRetryDelaySeconds, _options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
