namespace Tributary.Storage;

/// <summary>
/// Work that will not succeed by waiting: a pipeline record or a contact-center event that failed
/// <c>MaxAttempts</c> times or for good. An operator lists them and replays them once the cause is fixed.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>Adds a dead letter; the same item (kind, source, record) failing again replaces the earlier row.</summary>
    Task AddAsync(NewDeadLetter letter, CancellationToken cancellationToken);

    /// <summary>The most recent dead letters first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>One dead letter, or null.</summary>
    Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Removes a dead letter (after it was replayed); false when it was not there.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>How many there are.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}

/// <summary>A dead letter to add.</summary>
/// <param name="Kind"><c>pipeline</c> or <c>genesys</c>.</param>
/// <param name="SourceSystem">Where the item came from (<c>hubspot</c>, <c>salesforce</c>, <c>none</c>, <c>genesys</c>).</param>
/// <param name="RecordId">The item's id there (a CRM record id, an event id).</param>
/// <param name="Payload">What replaying needs, as JSON.</param>
/// <param name="Reason">Why it failed, without PII.</param>
/// <param name="Attempts">How many times it was tried.</param>
/// <param name="FailedAt">When it failed for the last time.</param>
public sealed record NewDeadLetter(string Kind, string SourceSystem, string RecordId, string Payload, string Reason, int Attempts, DateTimeOffset FailedAt);

/// <summary>A stored dead letter.</summary>
/// <param name="Id">Its id, for replay.</param>
/// <param name="Letter">What was added.</param>
public sealed record DeadLetter(long Id, NewDeadLetter Letter);
