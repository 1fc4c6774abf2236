using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>Erasure in the shared store, in one transaction; PostgreSQL's own vacuum reclaims the dead tuples.</summary>
internal sealed class PostgresSubjectErasure(PostgresDatabase database) : ISubjectErasure
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var forms = subject.TraitForms.ToArray();
        var digits = subject.DigitForms.ToArray();
        var hashes = subject.ValueHashes.ToArray();

        // The graph's own lock: an identify reads a profile's traits and writes them back merged, and must not write
        // back a trait this erasure removes.
        await RunAsync(Command("SELECT pg_advisory_xact_lock(@key)").With("key", PostgresIdentityGraph.WriteLockKey));
        var (links, removedProfiles, traits, goneIds) = await EraseFromGraphAsync(connection, transaction, subject, cancellationToken);
        var outcomes = await RunAsync(Command("DELETE FROM staged_records WHERE source_system = @source AND payload->>'profileId' = ANY(@gone)")
            .With("source", subject.OutcomeSource).With("gone", goneIds));

        // Another profile's pending outcome whose summary names the subject keeps going to the CDP, without its summary.
        outcomes += await RunAsync(Command(
                $$"""
                UPDATE staged_records SET payload = jsonb_set(payload::jsonb, '{summary}', 'null'::jsonb)::json
                WHERE source_system = @source AND {{Mentions("coalesce(payload->>'summary', '')")}}
                """)
            .With("source", subject.OutcomeSource).With("forms", forms).With("digits", digits));
        var deadLetters = await RunAsync(Command(
                $"DELETE FROM dead_letters WHERE {Mentions("payload")} OR CASE WHEN kind = @source THEN payload::jsonb->>'profileId' = ANY(@gone) ELSE false END")
            .With("forms", forms).With("digits", digits).With("source", subject.OutcomeSource).With("gone", goneIds));
        var counts = new ErasureCounts(
            Ledger: await RunAsync(Command($"DELETE FROM lookup_ledger WHERE key = ANY(@keys) OR {Mentions("entry::text")}")
                .With("keys", subject.LedgerKeys.ToArray()).With("forms", forms).With("digits", digits)),
            EnrichedContacts: await RunAsync(Command("DELETE FROM enriched_contacts WHERE email_hash = ANY(@hashes) OR phone = @phone").With("hashes", hashes).With("phone", subject.Value)),
            Unmatched: await RunAsync(Command("DELETE FROM unmatched_records WHERE identifier_hash = ANY(@hashes)").With("hashes", hashes)),
            Staging: await RunAsync(Command($"DELETE FROM staged_records WHERE {Mentions("payload::text")}").With("forms", forms).With("digits", digits)),
            JobRecords: await RunAsync(Command(
                    $"""
                    UPDATE job_records SET record = @erased, result = CASE WHEN result IS NULL THEN NULL ELSE {ErasedResult} END
                    WHERE {Mentions("record")} OR {Mentions("coalesce(result, '')")}
                    """)
                .With("forms", forms).With("digits", digits).With("erased", Erased)),
            IdentityLinks: links,
            Profiles: removedProfiles,
            Traits: traits,
            Outcomes: outcomes,
            DeadLetters: deadLetters,
            Journal: await RunAsync(Command(
                    $"DELETE FROM writeback_journal WHERE {Mentions("coalesce(old_value, '')")} OR {Mentions("new_value")}")
                .With("forms", forms).With("digits", digits)));
        await transaction.CommitAsync(cancellationToken);
        return counts;

        NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

        async Task<int> RunAsync(NpgsqlCommand command)
        {
            await using (command)
            {
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// The subject's links and profiles. An email names one person: the profiles it is linked to go whole. A phone may
    /// be a household's: only its links go. Then every other profile's trait members that hold the value go
    /// (<see cref="ErasedTraits"/>). A profile changed so and left with no identifying link goes too, with its derived
    /// links (name + company); one that stays gets a later <c>updated_at</c>, so no copy built before is served.
    /// </summary>
    private static async Task<(int Links, int Profiles, int Traits, string[] Gone)> EraseFromGraphAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SubjectErasure subject, CancellationToken cancellationToken)
    {
        var hashes = subject.ValueHashes.ToArray();
        var traitForms = subject.TraitForms.ToArray();

        // The subject's own links, and clear ids (a CDP user id, a CRM id) that are its value: an email used as the userId.
        const string TheSubjects = "((id_type = @type AND id_hash = ANY(@hashes)) OR lower(value) = ANY(@traitForms))";
        var linked = (await ReadAsync(
            Command($"SELECT DISTINCT profile_id FROM identity_links WHERE {TheSubjects}").With("type", subject.IdentifierType).With("hashes", hashes).With("traitForms", traitForms),
            static row => row.GetString(0))).ToArray();
        var strong = subject.IdentifierType == "email";
        var links = strong
            ? await RunAsync(Command("DELETE FROM identity_links WHERE profile_id = ANY(@linked)").With("linked", linked))
            : await RunAsync(Command($"DELETE FROM identity_links WHERE {TheSubjects}").With("type", subject.IdentifierType).With("hashes", hashes).With("traitForms", traitForms));
        var gone = strong ? [.. linked] : new List<string>();

        var held = await ReadAsync(
            Command($"SELECT id, traits::text FROM identity_profiles WHERE merged_into IS NULL AND NOT (id = ANY(@gone)) AND {Mentions("traits::text")} FOR UPDATE")
                .With("gone", gone.ToArray()).With("forms", traitForms).With("digits", subject.DigitForms.ToArray()),
            static row => (Id: row.GetString(0), Traits: row.GetString(1)));
        var (scrubbed, traits) = ErasedTraits.From(held, subject);

        var changed = (strong ? [] : linked).Union(scrubbed.Keys).ToArray();
        var identified = (await ReadAsync(
            Command("SELECT DISTINCT profile_id FROM identity_links WHERE profile_id = ANY(@changed) AND id_type = ANY(@types)")
                .With("changed", changed).With("types", subject.IdentifyingTypes.ToArray()),
            static row => row.GetString(0))).ToHashSet(StringComparer.Ordinal);
        gone.AddRange(changed.Where(id => !identified.Contains(id)));
        var staying = changed.Where(identified.Contains).ToArray();

        // Strictly later, even on a clock that has not moved since the profile's last change: the copy's version is its updated_at.
        await RunAsync(Command("UPDATE identity_profiles SET updated_at = GREATEST(@at, updated_at + interval '1 millisecond') WHERE id = ANY(@staying)")
            .WithTime("at", subject.At).With("staying", staying));
        foreach (var id in staying.Where(scrubbed.ContainsKey))
        {
            await RunAsync(Command("UPDATE identity_profiles SET traits = @traits WHERE id = @id").WithJson("traits", scrubbed[id]).With("id", id));
        }

        var goneIds = gone.ToArray();
        if (!strong)
        {
            links += await RunAsync(Command("DELETE FROM identity_links WHERE profile_id = ANY(@gone)").With("gone", goneIds));
        }

        var profiles = await RunAsync(Command("DELETE FROM identity_profiles WHERE id = ANY(@gone) OR merged_into = ANY(@gone)").With("gone", goneIds));
        return (links, profiles, traits, goneIds);

        NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

        async Task<int> RunAsync(NpgsqlCommand command)
        {
            await using (command)
            {
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        async Task<List<T>> ReadAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map)
        {
            await using (command)
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    /// <summary>
    /// Whether the text of <paramref name="column"/> holds any of <c>@forms</c>, or, with phone separators taken out,
    /// any of <c>@digits</c> (text array parameters; <see cref="SubjectErasure.DigitForms"/>).
    /// </summary>
    private static string Mentions(string column) =>
        $"({Holds(column)} OR EXISTS (SELECT 1 FROM unnest(@digits) AS d(form) WHERE position(d.form in translate({column}, '{SubjectErasure.PhoneSeparators}', '')) > 0))";

    /// <summary>Whether the text of <paramref name="column"/> holds any of the forms in <paramref name="forms"/> (a text array parameter).</summary>
    private static string Holds(string column, string forms = "@forms") => $"EXISTS (SELECT 1 FROM unnest({forms}) AS f(form) WHERE position(f.form in lower({column})) > 0)";

    public async Task<ErasureCounts> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var links = await RunAsync("DELETE FROM identity_links WHERE profile_id IN (SELECT id FROM identity_profiles WHERE updated_at < @before)");
        var jobRecords = await RunAsync("DELETE FROM job_records WHERE job_id IN (SELECT id FROM jobs WHERE finished_at IS NOT NULL AND finished_at < @before)");
        await RunAsync("DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < @before");
        var counts = new ErasureCounts(
            Ledger: await RunAsync("DELETE FROM lookup_ledger WHERE observed_at < @before"),
            EnrichedContacts: await RunAsync("DELETE FROM enriched_contacts WHERE enriched_at < @before"),
            Unmatched: await RunAsync("DELETE FROM unmatched_records WHERE recorded_at < @before"),
            Staging: await RunAsync("DELETE FROM staged_records WHERE staged_at < @before"),
            JobRecords: jobRecords,
            IdentityLinks: links,
            Profiles: await RunAsync("DELETE FROM identity_profiles WHERE updated_at < @before"),
            Traits: 0,
            Outcomes: 0,
            DeadLetters: await RunAsync("DELETE FROM dead_letters WHERE failed_at < @before"),
            Journal: await RunAsync("DELETE FROM writeback_journal WHERE at < @before"));
        await transaction.CommitAsync(cancellationToken);
        return counts;

        async Task<int> RunAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction).WithTime("before", cutoff);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
