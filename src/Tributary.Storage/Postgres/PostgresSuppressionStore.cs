using Npgsql;
using Tributary.Privacy;

namespace Tributary.Storage.Postgres;

/// <summary>The suppression list in the shared store.</summary>
internal sealed class PostgresSuppressionStore(PostgresDatabase database, TimeProvider time) : ISuppressionStore
{
    public async Task<IReadOnlyCollection<string>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT identifier_hash FROM suppression_list", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hashes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }

    public async Task<IReadOnlyCollection<string>> FindAsync(IReadOnlyCollection<string> identifierHashes, string reason, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifierHashes);
        if (identifierHashes.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT identifier_hash FROM suppression_list WHERE reason = @reason AND added_at >= @since AND identifier_hash = ANY(@hashes)", connection)
            .With("hashes", identifierHashes.ToArray())
            .With("reason", reason)
            .WithTime("since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    public async Task AddAsync(IReadOnlyCollection<string> identifierHashes, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifierHashes);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO suppression_list (identifier_hash, reason, added_at)
            SELECT hash, @reason, @at FROM unnest(@hashes) AS hash
            ON CONFLICT (identifier_hash) DO UPDATE SET reason = excluded.reason, added_at = excluded.added_at
            """,
            connection)
            .With("hashes", identifierHashes.ToArray())
            .With("reason", reason)
            .WithTime("at", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
