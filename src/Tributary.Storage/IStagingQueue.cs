using System.Diagnostics.CodeAnalysis;

namespace Tributary.Storage;

/// <summary>
/// The pipeline's work queue of CRM records waiting for enrichment. Workers claim batches under a lease; a record is
/// deleted only once its write-back is confirmed; a lease that runs out makes its records claimable again. Two
/// claimers, in one process or on several machines, never hold the same record at once.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the seed design's staging queue.")]
public interface IStagingQueue
{
    /// <summary>
    /// Adds records. A record already staged (same source system and record id) keeps its place and gets the new
    /// payload and a new version, so a change that arrives while it is being processed is not lost.
    /// </summary>
    Task StageAsync(IReadOnlyCollection<StagedRecord> records, CancellationToken cancellationToken) => StageAsync(records, null, cancellationToken);

    /// <summary>
    /// Adds records that become claimable only from <paramref name="notBefore"/>: a window in which later stagings of
    /// the same record replace its payload (coalescing), the record keeping its place and its time. Null = now.
    /// </summary>
    Task StageAsync(IReadOnlyCollection<StagedRecord> records, DateTimeOffset? notBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Stages the records of one event unless its key was already seen in <paramref name="scope"/> (kept for
    /// <paramref name="retention"/>, as <see cref="IIdempotencyKeys"/> keeps keys): the key and the records in one
    /// transaction, so an acknowledged event is stored and a replayed one changes nothing. True when the key was new.
    /// </summary>
    async Task<bool> StageOnceAsync(string scope, string key, TimeSpan retention, IReadOnlyCollection<StagedRecord> records, CancellationToken cancellationToken) =>
        (await StageOnceAsync(scope, retention, [new OnceStaged(key, records)], cancellationToken))[0];

    /// <summary>
    /// As <see cref="StageOnceAsync(string, string, TimeSpan, IReadOnlyCollection{StagedRecord}, CancellationToken)"/> for
    /// every event of one delivery, all in one transaction: a worker never sees half a delivery. One answer per event.
    /// </summary>
    Task<IReadOnlyList<bool>> StageOnceAsync(string scope, TimeSpan retention, IReadOnlyList<OnceStaged> events, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="maxRecords"/> records, oldest first, for <paramref name="lease"/>. Empty when none is free.</summary>
    Task<StagingClaim> ClaimAsync(int maxRecords, TimeSpan lease, CancellationToken cancellationToken) => ClaimAsync(maxRecords, lease, null, cancellationToken);

    /// <summary>As <see cref="ClaimAsync(int, TimeSpan, CancellationToken)"/>, only records of these source systems (null = any).</summary>
    Task<StagingClaim> ClaimAsync(int maxRecords, TimeSpan lease, IReadOnlyCollection<string>? sources, CancellationToken cancellationToken);

    /// <summary>Extends the lease of every record still held by the claim; returns how many it holds.</summary>
    Task<int> ExtendAsync(Guid claimToken, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="records"/>, those the claim still holds, each with its lease extended by
    /// <paramref name="lease"/>: asked right before a write-back, so a worker that stalled past its lease (and lost
    /// the records to another worker) does not write what it planned from a stale read.
    /// </summary>
    Task<IReadOnlyList<ClaimedRecord>> HoldAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives records back to the queue (e.g. a write-back to retry later); returns how many were released.</summary>
    Task<int> ReleaseAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Gives records back to the queue, claimable again only from <paramref name="notBefore"/> (a retry with backoff,
    /// or the next day when a CRM's daily limit is spent). With <paramref name="countAttempt"/> false the claim does
    /// not count as an attempt, so waiting out a CRM's limit never dead-letters a record.
    /// </summary>
    Task<int> DeferAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, DateTimeOffset notBefore, bool countAttempt, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes records whose write-back the CRM confirmed; returns how many. Only records still held by the claim are
    /// touched; one re-staged since it was claimed is released instead, so its newer payload is processed too.
    /// </summary>
    Task<int> DeleteAsync(Guid claimToken, IReadOnlyCollection<ClaimedRecord> records, CancellationToken cancellationToken);

    /// <summary>Records in the queue, claimed or not.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken) => CountAsync(null, cancellationToken);

    /// <summary>Records of these source systems in the queue (null = any), claimed or not.</summary>
    Task<long> CountAsync(IReadOnlyCollection<string>? sources, CancellationToken cancellationToken);
}

/// <summary>An event to stage once: its dedup key and its records.</summary>
public sealed record OnceStaged(string Key, IReadOnlyCollection<StagedRecord> Records);

/// <summary>A CRM record to enrich.</summary>
/// <param name="SourceSystem">e.g. <c>hubspot</c>, <c>salesforce</c>.</param>
/// <param name="RecordId">The record's id in that system.</param>
/// <param name="Payload">The record as JSON (identifiers and the fields write-back must respect).</param>
public sealed record StagedRecord(string SourceSystem, string RecordId, string Payload);

/// <summary>A staged record held by a claim.</summary>
/// <param name="SourceSystem">As staged.</param>
/// <param name="RecordId">As staged.</param>
/// <param name="Payload">The latest payload staged for the record.</param>
/// <param name="Version">Bumped each time the record is staged again; deletion checks it.</param>
/// <param name="Attempts">How many times it has been claimed, this claim included.</param>
public sealed record ClaimedRecord(string SourceSystem, string RecordId, string Payload, long Version, int Attempts);

/// <summary>The records one claim holds until <see cref="LeaseExpiresAt"/>.</summary>
public sealed record StagingClaim(Guid Token, DateTimeOffset LeaseExpiresAt, IReadOnlyList<ClaimedRecord> Records);
