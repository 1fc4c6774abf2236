namespace Tributary.Storage;

/// <summary>
/// Every CRM write the pipeline makes, field by field: what was there, what we wrote, where our value came from and
/// in which run. Entries are recorded <see cref="JournalState.Pending"/> before the write is sent, so a crash between
/// the CRM's confirmation and our bookkeeping still leaves a trace that rollback can follow.
/// </summary>
public interface IWriteBackJournal
{
    /// <summary>Records entries.</summary>
    Task RecordAsync(IReadOnlyCollection<JournalEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the entries of <paramref name="runId"/> for these records of <paramref name="sourceSystem"/> to
    /// <paramref name="state"/>, where they stand in a state it may follow (<see cref="JournalStates.Before"/>): an
    /// attempt's outcome settles only that attempt's pending entries, never an earlier attempt's of the same record.
    /// </summary>
    Task MarkAsync(string runId, string sourceSystem, IReadOnlyCollection<string> recordIds, JournalState state, CancellationToken cancellationToken);

    /// <summary>The entries of one run, in the order they were recorded.</summary>
    Task<IReadOnlyList<JournalEntry>> ListAsync(string runId, CancellationToken cancellationToken);
}

/// <summary>One field of one write.</summary>
/// <param name="RunId">The pipeline run (see <see cref="IRunStore"/>).</param>
/// <param name="SourceSystem"><c>hubspot</c>, <c>salesforce</c>.</param>
/// <param name="RecordId">The CRM record.</param>
/// <param name="ObjectType">The CRM object type (<c>contact</c>, <c>Contact</c>, <c>Lead</c>).</param>
/// <param name="Field">The CRM field name.</param>
/// <param name="OldValue">Its value before the write; null when blank.</param>
/// <param name="NewValue">The value written.</param>
/// <param name="Source">The provider the value came from (<c>clearbit</c>), or <c>rollback</c>.</param>
/// <param name="Confidence">The value's confidence, 0–1.</param>
/// <param name="State">Pending, written, failed, dry run or rolled back.</param>
/// <param name="At">When it was recorded.</param>
public sealed record JournalEntry(
    string RunId,
    string SourceSystem,
    string RecordId,
    string ObjectType,
    string Field,
    string? OldValue,
    string NewValue,
    string Source,
    double Confidence,
    JournalState State,
    DateTimeOffset At);

/// <summary>Where a journaled write stands.</summary>
public enum JournalState
{
    /// <summary>Sent to the CRM, confirmation not yet recorded.</summary>
    Pending,

    /// <summary>The CRM confirmed it.</summary>
    Written,

    /// <summary>The CRM refused it.</summary>
    Failed,

    /// <summary>A dry run: what would have been written; nothing was sent.</summary>
    DryRun,

    /// <summary>Undone by a rollback.</summary>
    RolledBack,
}

/// <summary>The order journal entries move in.</summary>
public static class JournalStates
{
    private static readonly JournalState[] Sent = [JournalState.Pending];
    private static readonly JournalState[] Undoable = [JournalState.Written, JournalState.Pending];

    /// <summary>
    /// The states an entry may be in to move to <paramref name="state"/>: a write is confirmed or refused while pending;
    /// a rollback undoes what was written, or sent and never confirmed.
    /// </summary>
    public static IReadOnlyList<JournalState> Before(JournalState state) => state switch
    {
        JournalState.Written or JournalState.Failed => Sent,
        JournalState.RolledBack => Undoable,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Entries are recorded in this state, not moved to it."),
    };
}
