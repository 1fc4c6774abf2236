using System.Text;
using Npgsql;
using Tributary.Caching;
using Tributary.Enrichment;

namespace Tributary.Storage.Postgres;

/// <summary>The ledger of paid lookups in the shared store: one node's paid answer serves every node.</summary>
internal sealed class PostgresLookupLedger(PostgresDatabase database) : ILookupLedger
{
    public async ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT entry FROM lookup_ledger WHERE key = @key", connection).With("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? CacheEntryJson.Read(Encoding.UTF8.GetBytes(json)) : null;
    }

    public ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken) =>
        RecordManyAsync([new LedgerRecord(key, provider, entry)], cancellationToken);

    /// <summary>One round trip for the whole batch.</summary>
    public async ValueTask RecordManyAsync(IReadOnlyCollection<LedgerRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var record in records)
        {
            var command = new NpgsqlBatchCommand(
                """
                INSERT INTO lookup_ledger (key, provider, status, entry, observed_at, expires_at)
                VALUES (@key, @provider, @status, @entry, @observedAt, @expiresAt)
                ON CONFLICT (key) DO UPDATE SET provider = excluded.provider, status = excluded.status, entry = excluded.entry,
                    observed_at = excluded.observed_at, expires_at = excluded.expires_at
                """);
            command.Parameters.AddWithValue("key", record.Key);
            command.Parameters.AddWithValue("provider", record.Provider);
            command.Parameters.AddWithValue("status", record.Entry.Status.ToWire());
            command.Parameters.Add(new NpgsqlParameter("entry", NpgsqlTypes.NpgsqlDbType.Jsonb) { Value = Encoding.UTF8.GetString(CacheEntryJson.ToBytes(record.Entry)) });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("observedAt", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = record.Entry.ObservedAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("expiresAt", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = record.Entry.ExpiresAt.ToUniversalTime() });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
