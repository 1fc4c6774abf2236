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
        var forms = subject.StoredForms.ToArray();
        var hashes = subject.ValueHashes.ToArray();
        var profiles = await IdsAsync(Command("SELECT DISTINCT profile_id FROM identity_links WHERE id_type = @type AND id_hash = ANY(@hashes)")
            .With("type", subject.IdentifierType).With("hashes", hashes));

        // An email names one person: their profiles go whole. A phone may be a household's: only its links go, and the
        // profiles it leaves with no link.
        var strong = subject.IdentifierType == "email";
        var links = strong
            ? await RunAsync(Command("DELETE FROM identity_links WHERE profile_id = ANY(@profiles)").With("profiles", profiles))
            : await RunAsync(Command("DELETE FROM identity_links WHERE id_type = @type AND id_hash = ANY(@hashes)").With("type", subject.IdentifierType).With("hashes", hashes));
        var goneIds = strong
            ? profiles
            : await IdsAsync(Command("SELECT id FROM identity_profiles p WHERE id = ANY(@profiles) AND NOT EXISTS (SELECT 1 FROM identity_links l WHERE l.profile_id = p.id)")
                .With("profiles", profiles));
        var removedProfiles = await RunAsync(Command("DELETE FROM identity_profiles WHERE id = ANY(@gone) OR merged_into = ANY(@gone)").With("gone", goneIds));
        var outcomes = await RunAsync(Command("DELETE FROM staged_records WHERE source_system = @source AND payload->>'profileId' = ANY(@gone)")
            .With("source", subject.OutcomeSource).With("gone", goneIds));
        var deadLetters = await RunAsync(Command(
                $"DELETE FROM dead_letters WHERE {Holds("payload")} OR CASE WHEN kind = @source THEN payload::jsonb->>'profileId' = ANY(@gone) ELSE false END")
            .With("forms", forms).With("source", subject.OutcomeSource).With("gone", goneIds));
        var counts = new ErasureCounts(
            Ledger: await RunAsync(Command($"DELETE FROM lookup_ledger WHERE key = ANY(@keys) OR {Holds("entry::text")}")
                .With("keys", subject.LedgerKeys.ToArray()).With("forms", forms)),
            EnrichedContacts: await RunAsync(Command("DELETE FROM enriched_contacts WHERE email_hash = ANY(@hashes) OR phone = @phone").With("hashes", hashes).With("phone", subject.Value)),
            Unmatched: await RunAsync(Command("DELETE FROM unmatched_records WHERE identifier_hash = ANY(@hashes)").With("hashes", hashes)),
            Staging: await RunAsync(Command($"DELETE FROM staged_records WHERE {Holds("payload::text")}").With("forms", forms)),
            JobRecords: await RunAsync(Command(
                    $"""
                    UPDATE job_records SET record = @erased, result = CASE WHEN result IS NULL THEN NULL ELSE {ErasedResult} END
                    WHERE {Holds("record")} OR {Holds("coalesce(result, '')")}
                    """)
                .With("forms", forms).With("erased", Erased)),
            IdentityLinks: links,
            Profiles: removedProfiles,
            Outcomes: outcomes,
            DeadLetters: deadLetters,
            Journal: await RunAsync(Command(
                    $"DELETE FROM writeback_journal WHERE {Holds("coalesce(old_value, '')")} OR {Holds("new_value")}")
                .With("forms", forms)));
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

        async Task<string[]> IdsAsync(NpgsqlCommand command)
        {
            await using (command)
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var ids = new List<string>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetString(0));
                }

                return [.. ids];
            }
        }
    }

    /// <summary>Whether the text of <paramref name="column"/> holds any of the subject's stored forms (<c>@forms</c>, a text array).</summary>
    private static string Holds(string column) => $"EXISTS (SELECT 1 FROM unnest(@forms) AS f(form) WHERE position(f.form in lower({column})) > 0)";

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
