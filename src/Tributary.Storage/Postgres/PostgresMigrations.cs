using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Postgres/Migrations/NNNN_name.sql</c> files in order, each in its own transaction. Every
/// process runs this at start, so it holds a session advisory lock while it reads and applies: processes starting
/// together wait for each other instead of applying a migration twice.
/// </summary>
internal sealed class PostgresMigrations(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>"Tributar" in ASCII: an advisory-lock key unlikely to meet another application's on the same database.</summary>
    private const long LockKey = 0x5472696275746172;

    private static readonly IReadOnlyList<MigrationScript> Scripts = MigrationScript.Load("Tributary.Storage.Postgres.Migrations.");

    public async Task<MigrationReport> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long>("key", LockKey));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
                connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var known = new HashSet<long>();
            await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    known.Add(reader.GetInt64(0));
                }
            }

            var applied = new List<string>();
            foreach (var script in Scripts.Where(s => !known.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var migrate = new NpgsqlCommand(script.Sql, connection, transaction))
                {
                    await migrate.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter<long>("version", script.Version));
                    record.Parameters.Add(new NpgsqlParameter<string>("name", script.Name));
                    record.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", time.GetUtcNow()));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied.Add(script.Name);
            }

            return new MigrationReport(applied, Scripts.Count == 0 ? 0 : Scripts[^1].Version);
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    private static async Task UnlockAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.Add(new NpgsqlParameter<long>("key", LockKey));
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A broken connection: the server releases a session's advisory locks when the session ends.
        }
    }
}
