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

    public async ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO lookup_ledger (key, provider, status, entry, observed_at, expires_at)
            VALUES (@key, @provider, @status, @entry, @observedAt, @expiresAt)
            ON CONFLICT (key) DO UPDATE SET provider = excluded.provider, status = excluded.status, entry = excluded.entry,
                observed_at = excluded.observed_at, expires_at = excluded.expires_at
            """,
            connection)
            .With("key", key)
            .With("provider", provider)
            .With("status", entry.Status.ToWire())
            .WithJson("entry", Encoding.UTF8.GetString(CacheEntryJson.ToBytes(entry)))
            .WithTime("observedAt", entry.ObservedAt)
            .WithTime("expiresAt", entry.ExpiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
