using Dapper;
using Tributary.Privacy;

namespace Tributary.Storage.Sqlite;

/// <summary>The suppression list in the embedded store.</summary>
internal sealed class SqliteSuppressionStore(SqliteDatabase database, TimeProvider time) : ISuppressionStore
{
    public async Task<IReadOnlyCollection<string>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT identifier_hash FROM suppression_list", cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyCollection<string>> FindAsync(IReadOnlyCollection<string> identifierHashes, string reason, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (identifierHashes.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT identifier_hash FROM suppression_list WHERE reason = @reason AND added_at >= @since AND identifier_hash IN (SELECT value FROM json_each(@hashes))",
            new { reason, since = since.ToUniversalTime().ToString("O"), hashes = SqliteText.JsonList(identifierHashes) },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task AddAsync(IReadOnlyCollection<string> identifierHashes, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var at = time.GetUtcNow().ToString("O");
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO suppression_list (identifier_hash, reason, added_at) VALUES (@hash, @reason, @at) ON CONFLICT (identifier_hash) DO UPDATE SET reason = excluded.reason, added_at = excluded.added_at",
            identifierHashes.Select(hash => new { hash, reason, at }),
            cancellationToken: cancellationToken));
    }
}
