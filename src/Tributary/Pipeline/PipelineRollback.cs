using Tributary.Host.Crm;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>
/// Undoes one run's write-back: each field the run wrote gets its old value back, but only where the CRM still holds
/// the value we wrote; a value changed since (by a person or another run) is left alone. Goes through the same batched,
/// rate-limited CRM client as the worker. Safe to run again: what was restored no longer matches. Rollbacks in one
/// process run one at a time, so the same rollback asked twice at once restores once and reports it once.
/// </summary>
internal sealed class PipelineRollback(CrmSystems crms, IWriteBackJournal journal, TimeProvider time, ILogger<PipelineRollback> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Dispose() => _oneAtATime.Dispose();

    public async Task<RollbackReport> RollbackAsync(string runId, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RollbackAloneAsync(runId, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The CRMs a rollback of <paramref name="runId"/> would write to (none when it has nothing left to undo).</summary>
    public async Task<IReadOnlyList<string>> SystemsAsync(string runId, CancellationToken cancellationToken) =>
        [.. (await UndoableAsync(runId, cancellationToken)).Select(e => e.SourceSystem).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The run's writes that may still be in the CRM: confirmed, or sent and never confirmed.</summary>
    private async Task<JournalEntry[]> UndoableAsync(string runId, CancellationToken cancellationToken) =>
        [.. (await journal.ListAsync(runId, cancellationToken)).Where(e => e.State is JournalState.Written or JournalState.Pending)];

    private async Task<RollbackReport> RollbackAloneAsync(string runId, CancellationToken cancellationToken)
    {
        var entries = await UndoableAsync(runId, cancellationToken);
        var report = new RollbackReport(runId, entries.Length, 0, 0, 0);
        foreach (var system in entries.GroupBy(e => e.SourceSystem, StringComparer.Ordinal))
        {
            var crm = crms.Find(system.Key) ?? throw new CrmUnavailableException(system.Key, "not_configured");
            foreach (var batch in system.GroupBy(e => e.RecordId, StringComparer.Ordinal).Chunk(crm.MaxBatchSize))
            {
                report = report.Add(await RollbackBatchAsync(crm, runId, batch, cancellationToken));
            }
        }

        PipelineLog.RolledBack(logger, runId, report.FieldsRestored, report.RecordsRestored, report.FieldsSkipped);
        return report;
    }

    private async Task<RollbackReport> RollbackBatchAsync(ICrmSystem crm, string runId, IGrouping<string, JournalEntry>[] records, CancellationToken cancellationToken)
    {
        var read = await crm.ReadAsync([.. records.Select(r => r.Key)], cancellationToken);
        var current = read.Records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var updates = new List<CrmUpdate>();
        var restoring = new List<JournalEntry>();
        var skipped = 0;
        foreach (var record in records)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in record)
            {
                var now = current.GetValueOrDefault(record.Key)?.Fields.GetValueOrDefault(entry.Field).Value;
                if (string.Equals(now?.Trim(), entry.NewValue.Trim(), StringComparison.Ordinal))
                {
                    fields[entry.Field] = entry.OldValue ?? string.Empty;
                    restoring.Add(entry);
                }
                else
                {
                    skipped++;
                }
            }

            if (fields.Count > 0)
            {
                updates.Add(new CrmUpdate(record.Key, record.First().ObjectType, fields));
            }
        }

        if (updates.Count == 0)
        {
            return new RollbackReport(runId, 0, 0, 0, skipped);
        }

        var outcomes = await crm.WriteAsync(updates, cancellationToken);
        var restored = outcomes.Where(o => o.Success).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var at = time.GetUtcNow();
        var undone = restoring.Where(e => restored.Contains(e.RecordId)).ToArray();
        await journal.RecordAsync(
            [.. undone.Select(e => e with { RunId = RollbackRunId(runId), OldValue = e.NewValue, NewValue = e.OldValue ?? string.Empty, Source = "rollback", State = JournalState.Written, At = at })],
            cancellationToken);
        await journal.MarkAsync(runId, crm.Name, restored, JournalState.RolledBack, cancellationToken);
        return new RollbackReport(runId, 0, restored.Count, undone.Length, skipped + restoring.Count - undone.Length);
    }

    /// <summary>The journal run under which a rollback's own writes are recorded.</summary>
    public static string RollbackRunId(string runId) => runId + "-rollback";
}

/// <summary>What a rollback did.</summary>
/// <param name="RunId">The run undone.</param>
/// <param name="FieldsWritten">Fields the run wrote (or may have: sent, never confirmed).</param>
/// <param name="RecordsRestored">Records the CRM confirmed restoring.</param>
/// <param name="FieldsRestored">Fields given their old value back.</param>
/// <param name="FieldsSkipped">Fields left alone: changed since the run, or the CRM refused the restore.</param>
internal sealed record RollbackReport(string RunId, int FieldsWritten, int RecordsRestored, int FieldsRestored, int FieldsSkipped)
{
    public RollbackReport Add(RollbackReport other) =>
        this with
        {
            RecordsRestored = RecordsRestored + other.RecordsRestored,
            FieldsRestored = FieldsRestored + other.FieldsRestored,
            FieldsSkipped = FieldsSkipped + other.FieldsSkipped,
        };
}
