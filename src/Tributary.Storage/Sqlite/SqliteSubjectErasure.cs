using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// Erasure in the embedded store. Every connection runs with <c>secure_delete</c> on (deleted content is overwritten
/// with zeros), and the write-ahead log is checkpointed and truncated afterwards, so the value is left in no page of
/// the database files.
/// </summary>
internal sealed class SqliteSubjectErasure(SqliteDatabase database) : ISubjectErasure
{
    /// <summary>What a job record holding the subject becomes: the job keeps its count and order.</summary>
    private const string Erased = """{"erased":true}""";

    /// <summary>
    /// What a result line holding the subject becomes: its index still (every line has one), not the caller's id,
    /// which may itself name the person.
    /// </summary>
    private const string ErasedResult = """'{"index":' || idx || ',"erased":true}'""";

    public async Task<ErasureCounts> EraseAsync(SubjectErasure subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ErasureCounts counts;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var forms = JsonSerializer.Serialize(subject.TraitForms, StorageJsonContext.Default.IReadOnlyListString);
            var digits = JsonSerializer.Serialize(subject.DigitForms, StorageJsonContext.Default.IReadOnlyListString);
            var hashes = subject.ValueHashes;
            var (links, removedProfiles, traits, gone) = await EraseFromGraphAsync(connection, transaction, subject, cancellationToken);
            var outcomes = await Run("DELETE FROM staged_records WHERE source_system = @source AND json_extract(payload, '$.profileId') IN @gone", new { source = subject.OutcomeSource, gone });

            // Another profile's pending outcome whose summary names the subject keeps going to the CDP, without its summary.
            outcomes += await Run(
                $"""
                UPDATE staged_records SET payload = json_set(payload, '$.summary', json('null'))
                WHERE source_system = @source AND json_valid(payload) AND {Mentions("coalesce(json_extract(payload, '$.summary'), '')")}
                """,
                new { source = subject.OutcomeSource, forms, digits });
            var deadLetters = await Run(
                $"DELETE FROM dead_letters WHERE {Mentions("payload")} OR CASE WHEN kind = @source AND json_valid(payload) THEN json_extract(payload, '$.profileId') IN @gone ELSE 0 END",
                new { forms, digits, source = subject.OutcomeSource, gone });

            counts = new ErasureCounts(
                Ledger: await Run($"DELETE FROM lookup_ledger WHERE key IN @keys OR {Mentions("entry")}", new { keys = subject.LedgerKeys, forms, digits }),
                EnrichedContacts: await Run("DELETE FROM enriched_contacts WHERE email_hash IN @hashes OR phone = @phone", new { hashes, phone = subject.Value }),
                Unmatched: await Run("DELETE FROM unmatched_records WHERE identifier_hash IN @hashes", new { hashes }),
                Staging: await Run($"DELETE FROM staged_records WHERE {Mentions("payload")}", new { forms, digits }),
                JobRecords: await Run(
                    $"""
                    UPDATE job_records SET record = @erased, result = CASE WHEN result IS NULL THEN NULL ELSE {ErasedResult} END
                    WHERE {Mentions("record")} OR {Mentions("coalesce(result, '')")}
                    """,
                    new { forms, digits, erased = Erased }),
                IdentityLinks: links,
                Profiles: removedProfiles,
                Traits: traits,
                Outcomes: outcomes,
                DeadLetters: deadLetters,
                Journal: await Run(
                    $"DELETE FROM writeback_journal WHERE {Mentions("coalesce(old_value, '')")} OR {Mentions("new_value")}",
                    new { forms, digits }));
            await transaction.CommitAsync(cancellationToken);

            Task<int> Run(string sql, object parameters) =>
                connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        }

        // Old page images in the write-ahead log still hold the value until they are checkpointed into the zeroed pages.
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: cancellationToken));
        }

        return counts;
    }

    /// <summary>
    /// The subject's links and profiles. An email names one person: the profiles it is linked to go whole. A phone may
    /// be a household's: only its links go. Then every other profile's trait members that hold the value go
    /// (<see cref="ErasedTraits"/>). A profile changed so and left with no identifying link goes too, with its derived
    /// links (name + company); one that stays gets a later <c>updated_at</c>, so no copy built before is served.
    /// </summary>
    private static async Task<(int Links, int Profiles, int Traits, List<string> Gone)> EraseFromGraphAsync(
        SqliteConnection connection, SqliteTransaction transaction, SubjectErasure subject, CancellationToken cancellationToken)
    {
        // The subject's own links, and clear ids (a CDP user id, a CRM id) that are its value: an email used as the userId.
        var traitForms = JsonSerializer.Serialize(subject.TraitForms, StorageJsonContext.Default.IReadOnlyListString);
        const string TheSubjects = "((id_type = @type AND id_hash IN @hashes) OR lower(value) IN (SELECT value FROM json_each(@traitForms)))";
        var theSubjects = new { type = subject.IdentifierType, hashes = subject.ValueHashes, traitForms };
        var linked = await Ids($"SELECT DISTINCT profile_id FROM identity_links WHERE {TheSubjects}", theSubjects);
        var strong = subject.IdentifierType == "email";
        var links = strong
            ? await Run("DELETE FROM identity_links WHERE profile_id IN @linked", new { linked })
            : await Run($"DELETE FROM identity_links WHERE {TheSubjects}", theSubjects);
        var gone = strong ? linked : [];

        var held = await connection.QueryAsync<(string Id, string Traits)>(new CommandDefinition(
            $"SELECT id, traits FROM identity_profiles WHERE merged_into IS NULL AND id NOT IN @gone AND {Mentions("traits")}",
            new { gone, forms = traitForms, digits = JsonSerializer.Serialize(subject.DigitForms, StorageJsonContext.Default.IReadOnlyListString) },
            transaction,
            cancellationToken: cancellationToken));
        var (scrubbed, traits) = ErasedTraits.From(held, subject);

        var changed = (strong ? [] : linked).Union(scrubbed.Keys).ToList();
        var identified = (await Ids(
            "SELECT DISTINCT profile_id FROM identity_links WHERE profile_id IN @changed AND id_type IN @types",
            new { changed, types = subject.IdentifyingTypes })).ToHashSet(StringComparer.Ordinal);
        var at = SqliteText.Of(subject.At);
        foreach (var (id, was) in await connection.QueryAsync<(string Id, string UpdatedAt)>(new CommandDefinition(
            "SELECT id, updated_at FROM identity_profiles WHERE id IN @changed", new { changed }, transaction, cancellationToken: cancellationToken)))
        {
            if (!identified.Contains(id))
            {
                gone.Add(id);
                continue;
            }

            // Strictly later, even on a clock that has not moved since the profile's last change: the copy's version is its updated_at.
            var updatedAt = string.CompareOrdinal(at, was) > 0 ? at : SqliteText.Of(SqliteText.ToTime(was).AddMilliseconds(1));
            await Run(
                "UPDATE identity_profiles SET traits = COALESCE(@traits, traits), updated_at = @updatedAt WHERE id = @id",
                new { traits = scrubbed.GetValueOrDefault(id), updatedAt, id });
        }

        if (!strong)
        {
            links += await Run("DELETE FROM identity_links WHERE profile_id IN @gone", new { gone });
        }

        var profiles = await Run("DELETE FROM identity_profiles WHERE id IN @gone OR merged_into IN @gone", new { gone });
        return (links, profiles, traits, gone);

        async Task<List<string>> Ids(string sql, object parameters) =>
            (await connection.QueryAsync<string>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))).AsList();

        Task<int> Run(string sql, object parameters) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Whether the text of <paramref name="column"/> holds any of <c>@forms</c>, or, with phone separators taken out,
    /// any of <c>@digits</c> (JSON array parameters; <see cref="SubjectErasure.DigitForms"/>).
    /// </summary>
    private static string Mentions(string column) =>
        $"({Holds(column)} OR EXISTS (SELECT 1 FROM json_each(@digits) AS d WHERE instr({Squeezed(column)}, d.value) > 0))";

    private static string Squeezed(string column) =>
        SubjectErasure.PhoneSeparators.Aggregate(column, static (text, separator) => $"replace({text}, '{separator}', '')");

    /// <summary>Whether the text of <paramref name="column"/> holds any of the forms in <paramref name="forms"/> (a JSON array parameter).</summary>
    private static string Holds(string column, string forms = "@forms") => $"EXISTS (SELECT 1 FROM json_each({forms}) AS f WHERE instr(lower({column}), f.value) > 0)";

    public async Task<ErasureCounts> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ErasureCounts counts;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var before = SqliteText.Of(cutoff);
            var links = await Run(
                "DELETE FROM identity_links WHERE profile_id IN (SELECT id FROM identity_profiles WHERE updated_at < @before)");
            var jobRecords = await Run(
                "DELETE FROM job_records WHERE job_id IN (SELECT id FROM jobs WHERE finished_at IS NOT NULL AND finished_at < @before)");
            await Run("DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < @before");
            counts = new ErasureCounts(
                Ledger: await Run("DELETE FROM lookup_ledger WHERE observed_at < @before"),
                EnrichedContacts: await Run("DELETE FROM enriched_contacts WHERE enriched_at < @before"),
                Unmatched: await Run("DELETE FROM unmatched_records WHERE recorded_at < @before"),
                Staging: await Run("DELETE FROM staged_records WHERE staged_at < @before"),
                JobRecords: jobRecords,
                IdentityLinks: links,
                Profiles: await Run("DELETE FROM identity_profiles WHERE updated_at < @before"),
                Traits: 0,
                Outcomes: 0,
                DeadLetters: await Run("DELETE FROM dead_letters WHERE failed_at < @before"),
                Journal: await Run("DELETE FROM writeback_journal WHERE at < @before"));
            await transaction.CommitAsync(cancellationToken);

            Task<int> Run(string sql) =>
                connection.ExecuteAsync(new CommandDefinition(sql, new { before }, transaction, cancellationToken: cancellationToken));
        }

        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: cancellationToken));
        }

        return counts;
    }
}
