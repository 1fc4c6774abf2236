using Microsoft.Extensions.Options;
using Tributary.Host.BatchPump;
using Tributary.Host.Crm;
using Tributary.Host.Flat;
using Tributary.Host.Identity;
using Tributary.Host.Privacy;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>
/// One claim of staged records, start to end, in the order of the seed design: read the CRM records in batches →
/// enrich them through the batch pump → <c>enriched_contacts</c> or <c>unmatched_records</c> → write back in CRM-sized
/// batches under the policy, every write journaled → delete each staged row once its CRM confirmed. Whatever fails is
/// put back with backoff, or becomes a dead letter after <see cref="PipelineOptions.MaxAttempts"/>. A subject erased
/// while the claim was out (in any process) is swept from what the claim wrote, and gets no write-back.
/// </summary>
internal sealed class PipelinePass(
    CrmSystems crms,
    EnrichmentPump pump,
    WriteBackPlanner planner,
    PipelineSettlement settle,
    IEnrichedContactStore enriched,
    IWriteBackJournal journal,
    IdentifierHasher hasher,
    EnrichmentLinks links,
    LateWriteSweep sweep,
    UsableIdentifiers usable,
    IStagingQueue staging,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<PipelinePass> logger)
{
    private readonly PipelineOptions _options = options.Value;

    public async Task RunAsync(StagingClaim claim, PipelineRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var claimed = new ClaimScope(claim, run, time.GetUtcNow());
        var items = new List<PipelineItem>(claim.Records.Count);
        foreach (var group in claim.Records.GroupBy(r => r.SourceSystem, StringComparer.Ordinal))
        {
            if (group.Key == CrmSystems.NoSource)
            {
                items.AddRange(group.Select(r => new PipelineItem(r, null, null, StagedPayload.Read(r.Payload).Identity)));
            }
            else if (crms.Find(group.Key) is { } crm)
            {
                items.AddRange(await ReadAsync(claimed, crm, [.. group], cancellationToken));
            }
            else
            {
                await settle.DeadLetterAsync(claimed, [.. group], $"{group.Key} is not configured", cancellationToken);
            }
        }

        if (items.Count > 0)
        {
            await EnrichAndWriteBackAsync(claimed, items, cancellationToken);
        }
    }

    /// <summary>The CRM records behind staged rows, in batches the CRM takes; what cannot be read is settled here.</summary>
    private async Task<List<PipelineItem>> ReadAsync(ClaimScope claimed, ICrmSystem crm, List<ClaimedRecord> staged, CancellationToken cancellationToken)
    {
        var items = new List<PipelineItem>(staged.Count);
        foreach (var batch in staged.Chunk(crm.MaxBatchSize))
        {
            CrmReadResult read;
            try
            {
                read = await crm.ReadAsync([.. batch.Select(r => r.RecordId)], cancellationToken);
            }
            catch (CrmUnavailableException unavailable)
            {
                PipelineLog.CrmUnavailable(logger, crm.Name, unavailable.Reason, batch.Length);
                await settle.PutBackAsync(claimed, batch, unavailable, cancellationToken);
                continue;
            }

            var found = read.Records.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var gone = read.Missing.ToHashSet(StringComparer.Ordinal);
            var missing = new List<ClaimedRecord>();
            var unread = new List<ClaimedRecord>();
            foreach (var record in batch)
            {
                if (found.TryGetValue(record.RecordId, out var crmRecord))
                {
                    var (identity, ignored) = usable.Of(crmRecord.Identity);
                    items.Add(new PipelineItem(record, crm, crmRecord, identity, ignored));
                }
                else
                {
                    (gone.Contains(record.RecordId) ? missing : unread).Add(record);
                }
            }

            // Deleted in the CRM since it was staged: nothing to enrich or write back, and no point retrying.
            await settle.UnmatchedAsync(claimed, [.. missing.Select(m => new PipelineItem(m, crm, null, new CrmIdentity(null, null, null, null, null, null)))], "crm_record_not_found", cancellationToken);

            // Not read this time (an error named it, or the answer left it out): read again later, alone of its batch.
            if (unread.Count > 0)
            {
                await settle.RetryAsync(claimed, unread, "read_failed", cancellationToken);
            }
        }

        return items;
    }

    private async Task EnrichAndWriteBackAsync(ClaimScope claimed, List<PipelineItem> items, CancellationToken cancellationToken)
    {
        var results = new List<EnrichedRecord<PipelineItem>>(items.Count);
        await pump.RunAsync(
            items.ToAsyncEnumerable(),
            Describe,
            (chunk, _) =>
            {
                results.AddRange(chunk);
                return ValueTask.CompletedTask;
            },
            new PumpOptions
            {
                Mode = EnrichRequestParser.TryParseMode(_options.Mode, out var mode) ? mode : null,
                Concurrency = 1,
                ChunkSize = Math.Max(1, items.Count),
            },
            cancellationToken);

        var now = time.GetUtcNow();
        var contacts = new List<EnrichedContact>();
        var noWrites = new List<PipelineItem>();
        var writes = new List<(PipelineItem Item, IReadOnlyList<FieldChange> Changes)>();
        var linked = new List<EnrichedLink>();
        var answered = new List<AnswerLink>();
        foreach (var result in results)
        {
            var item = result.Record;
            switch (result.Outcome)
            {
                case RecordOutcome.Matched:
                    var email = item.Identity.Email?.Trim().ToLowerInvariant();
                    contacts.Add(EnrichedContact.FromProfile(item.WarehouseId, result.Result!.Profile, string.IsNullOrEmpty(email) ? null : hasher.Hash(email), now));
                    var changes = item.Record is null ? [] : planner.Plan(item.Record, item.System!.FieldMapping(item.Record.ObjectType), result.Result.Profile);
                    if (item.Record is not null)
                    {
                        var phone = result.Result.Profile.Text(Tributary.Profiles.ProfileFields.Phone);
                        // The CRM's own id, as a caller knows it (resolve {"crmId":"1001"}); the warehouse row id is prefixed.
                        linked.Add(new EnrichedLink(item.Staged.RecordId, item.Identity.Email, phone.Length > 0 ? phone : item.Identity.Phone));
                    }
                    else if (AnswerLink.From(result.Request, result.Result) is { } answer)
                    {
                        // Staged identifiers (a backfill without a CRM) link as a real-time answer does.
                        answered.Add(answer);
                    }

                    if (changes.Count == 0)
                    {
                        noWrites.Add(item);
                    }
                    else
                    {
                        writes.Add((item, changes));
                    }

                    break;
                case RecordOutcome.Failed:
                    await settle.RetryAsync(claimed, [item.Staged], result.Reason ?? "providers_unavailable", cancellationToken);
                    break;
                default:
                    await settle.UnmatchedAsync(claimed, [item], result.Outcome == RecordOutcome.Rejected ? result.Reason ?? "rejected" : "no_match", cancellationToken);
                    break;
            }
        }

        await links.LinkManyAsync(linked, cancellationToken);
        await links.LinkAnswersAsync(answered, cancellationToken);
        await enriched.UpsertAsync(contacts, cancellationToken);
        await settle.DoneAsync(claimed, noWrites, enrichedCount: noWrites.Count, cancellationToken);

        // The claim checked the suppression list before its provider calls; an erasure since then is found now that
        // its rows are written (and they are erased again), and nothing learned about that person goes to the CRM.
        var subjectsOf = results.Select(static r => (Item: r.Record, Subjects: r.Subjects().ToArray())).ToList();
        var subjects = subjectsOf.SelectMany(static s => s.Subjects).ToList();
        var erased = await sweep.SweepAsync(subjects, claimed.Began, cancellationToken);
        var erasedItems = subjectsOf.Where(s => s.Subjects.Any(erased.Names)).Select(static s => s.Item).ToHashSet();
        var withheld = writes.Where(w => erasedItems.Contains(w.Item)).ToList();
        await settle.DoneAsync(claimed, [.. withheld.Select(static w => w.Item)], enrichedCount: 0, cancellationToken);
        foreach (var system in writes.Except(withheld).GroupBy(w => w.Item.System!))
        {
            foreach (var batch in system.Chunk(system.Key.MaxBatchSize))
            {
                await WriteBackAsync(claimed, system.Key, batch, cancellationToken);
            }
        }

        // The journal, and anything written while the write-back ran, against erasures during the write-back.
        if (writes.Count > withheld.Count)
        {
            await sweep.SweepAsync(subjects, claimed.Began, cancellationToken);
        }
    }

    /// <summary>One CRM call's worth of updates: journal, send (unless a dry run), settle each record by its outcome.</summary>
    private async Task WriteBackAsync(ClaimScope claimed, ICrmSystem crm, (PipelineItem Item, IReadOnlyList<FieldChange> Changes)[] batch, CancellationToken cancellationToken)
    {
        // A pass that stalled past its lease (a frozen VM, a long pause) may have lost its records to another worker,
        // which wrote them from a newer read: writing this pass's plan now would overwrite what a person typed since.
        var held = await staging.HoldAsync(claimed.Claim.Token, [.. batch.Select(w => w.Item.Staged)], TimeSpan.FromSeconds(_options.LeaseSeconds), cancellationToken);
        if (held.Count < batch.Length)
        {
            PipelineLog.LeaseLost(logger, batch.Length - held.Count, crm.Name);
            var stillHeld = held.ToHashSet();
            batch = [.. batch.Where(w => stillHeld.Contains(w.Item.Staged))];
            if (batch.Length == 0)
            {
                return;
            }
        }

        var run = claimed.Run;
        var at = time.GetUtcNow();
        var state = run.DryRun ? JournalState.DryRun : JournalState.Pending;
        await journal.RecordAsync(
            [.. batch.SelectMany(w => w.Changes.Select(c => new JournalEntry(
                run.Id, crm.Name, w.Item.Staged.RecordId, w.Item.Record!.ObjectType, c.CrmField, c.OldValue, c.NewValue, c.Source, c.Confidence, state, at)))],
            cancellationToken);
        if (run.DryRun)
        {
            await settle.DoneAsync(claimed, [.. batch.Select(w => w.Item)], enrichedCount: batch.Length, cancellationToken);
            return;
        }

        IReadOnlyList<CrmWriteOutcome> outcomes;
        try
        {
            outcomes = await crm.WriteAsync(
                [.. batch.Select(w => new CrmUpdate(w.Item.Staged.RecordId, w.Item.Record!.ObjectType, w.Changes.ToDictionary(c => c.CrmField, c => c.NewValue)))],
                cancellationToken);
        }
        catch (CrmUnavailableException unavailable)
        {
            PipelineLog.CrmUnavailable(logger, crm.Name, unavailable.Reason, batch.Length);
            await journal.MarkAsync(run.Id, crm.Name, [.. batch.Select(w => w.Item.Staged.RecordId)], JournalState.Failed, cancellationToken);
            await settle.PutBackAsync(claimed, [.. batch.Select(w => w.Item.Staged)], unavailable, cancellationToken);
            return;
        }

        var byId = outcomes.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var confirmed = new List<PipelineItem>();
        var retry = new List<(ClaimedRecord Record, string Reason)>();
        var refused = new List<(ClaimedRecord Record, string Reason)>();
        foreach (var (item, _) in batch)
        {
            var outcome = byId.GetValueOrDefault(item.Staged.RecordId) ?? new CrmWriteOutcome(item.Staged.RecordId, false, "no_result", Retryable: true);
            if (outcome.Success)
            {
                confirmed.Add(item);
            }
            else
            {
                (outcome.Retryable ? retry : refused).Add((item.Staged, outcome.Error ?? "write_failed"));
            }
        }

        await journal.MarkAsync(run.Id, crm.Name, [.. confirmed.Select(i => i.Staged.RecordId)], JournalState.Written, cancellationToken);
        await journal.MarkAsync(run.Id, crm.Name, [.. retry.Concat(refused).Select(r => r.Record.RecordId)], JournalState.Failed, cancellationToken);
        run.AddWritten(confirmed.Count);
        await settle.DoneAsync(claimed, confirmed, enrichedCount: confirmed.Count, cancellationToken);

        // The CRM's own reason travels with each record, so a dead letter after the last attempt names it.
        foreach (var reason in retry.GroupBy(r => r.Reason, StringComparer.Ordinal))
        {
            await settle.RetryAsync(claimed, [.. reason.Select(r => r.Record)], reason.Key, cancellationToken);
        }

        foreach (var reason in refused.GroupBy(r => r.Reason, StringComparer.Ordinal))
        {
            await settle.DeadLetterAsync(claimed, [.. reason.Select(r => r.Record)], reason.Key, cancellationToken);
        }
    }

    /// <summary>
    /// What enrichment is asked for an item. With nothing usable left, a CRM record whose identifiers did not parse
    /// is unmatched for that reason rather than for having none.
    /// </summary>
    private static RecordRequest Describe(PipelineItem item)
    {
        var identity = item.Identity;
        var name = string.Join(' ', new[] { identity.FirstName, identity.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var body = new EnrichRequestBody
        {
            Email = Blank(identity.Email),
            Phone = Blank(identity.Phone),
            Domain = Blank(identity.Domain),
            FirstName = Blank(identity.FirstName),
            LastName = Blank(identity.LastName),
            Name = Blank(name),
            Company = Blank(identity.Company),
        };
        return body.Email is null && body.Phone is null && body.Domain is null && (body.Name is null || body.Company is null)
            ? RecordRequest.Rejected(item.Ignored ?? "no_identifier")
            : RecordRequest.Enrich(body);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
