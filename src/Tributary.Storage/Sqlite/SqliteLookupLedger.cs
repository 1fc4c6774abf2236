using System.Buffers;
using System.Globalization;
using System.Text;
using Tributary.Caching;
using Tributary.Enrichment;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// The ledger of paid lookups in the embedded store. Every cache miss reads it and every paid answer writes it, so it
/// uses plain prepared commands: its read kept prepared between lookups, its write one statement re-bound per row,
/// parameters named as the SQL names them.
/// </summary>
internal sealed class SqliteLookupLedger(SqliteDatabase database) : ILookupLedger
{
    private const string Upsert =
        """
        INSERT INTO lookup_ledger (key, provider, status, entry, observed_at, expires_at)
        VALUES (@key, @provider, @status, @entry, @observedAt, @expiresAt)
        ON CONFLICT (key) DO UPDATE SET provider = excluded.provider, status = excluded.status, entry = excluded.entry,
            observed_at = excluded.observed_at, expires_at = excluded.expires_at
        """;

    // The text column's UTF-8 bytes as stored, without a string in between.
    public ValueTask<CacheEntry?> FindAsync(string key, CancellationToken cancellationToken) =>
        database.KeptRead("SELECT entry FROM lookup_ledger WHERE key = @key", "@key")
            .ReadFirstAsync(key, static reader => CacheEntryJson.Read(reader.GetFieldValue<byte[]>(0)), cancellationToken);

    public ValueTask RecordAsync(string key, string provider, CacheEntry entry, CancellationToken cancellationToken) =>
        RecordManyAsync([new LedgerRecord(key, provider, entry)], cancellationToken);

    /// <summary>One transaction for the whole batch: SQLite commits are what cost, not rows.</summary>
    public async ValueTask RecordManyAsync(IReadOnlyCollection<LedgerRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        using (var upsert = new SqliteRowStatement(connection, transaction, Upsert, "@key", "@provider", "@status", "@entry", "@observedAt", "@expiresAt"))
        {
            var json = new ArrayBufferWriter<byte>(1024);
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                json.ResetWrittenCount();
                CacheEntryJson.Write(json, record.Entry);
                upsert.Run(
                    record.Key,
                    record.Provider,
                    record.Entry.Status.ToWire(),
                    Encoding.UTF8.GetString(json.WrittenSpan),
                    record.Entry.ObservedAt.ToString("O", CultureInfo.InvariantCulture),
                    record.Entry.ExpiresAt.ToString("O", CultureInfo.InvariantCulture));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
