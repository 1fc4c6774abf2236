using System.Globalization;
using System.Text;
using Dapper;
using Tributary.Caching;
using Tributary.Enrichment;

namespace Tributary.Storage.Sqlite;

/// <summary>The ledger of paid lookups in the embedded store.</summary>
internal sealed class SqliteLookupLedger(SqliteDatabase database) : ILookupLedger
{
    public async ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition("SELECT entry FROM lookup_ledger WHERE key = @key", new { key }, cancellationToken: cancellationToken));
        return json is null ? null : CacheEntryJson.Read(Encoding.UTF8.GetBytes(json));
    }

    public ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken) =>
        RecordManyAsync([new LedgerRecord(key, provider, entry)], cancellationToken);

    /// <summary>One transaction for the whole batch: SQLite commits are what cost, not rows.</summary>
    public async ValueTask RecordManyAsync(IReadOnlyCollection<LedgerRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO lookup_ledger (key, provider, status, entry, observed_at, expires_at)
            VALUES (@key, @provider, @status, @entry, @observedAt, @expiresAt)
            ON CONFLICT (key) DO UPDATE SET provider = excluded.provider, status = excluded.status, entry = excluded.entry,
                observed_at = excluded.observed_at, expires_at = excluded.expires_at
            """,
            records.Select(r => new
            {
                key = r.Key,
                provider = r.Provider,
                status = r.Entry.Status.ToWire(),
                entry = Encoding.UTF8.GetString(CacheEntryJson.ToBytes(r.Entry)),
                observedAt = r.Entry.ObservedAt.ToString("O", CultureInfo.InvariantCulture),
                expiresAt = r.Entry.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
