using Npgsql;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The shared backend: databases created on <see cref="PostgresServer"/> for this fixture, dropped afterwards.</summary>
public sealed class PostgresStoreBackend : StoreBackend
{
    private readonly List<string> _databases = [];

    public override string Provider => "postgres";

    protected override bool Available => PostgresServer.SkipReason is null;

    public override async Task<string> CreateDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        lock (_databases)
        {
            _databases.Add(connectionString);
        }

        return connectionString;
    }

    public override async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count > 0)
        {
            // Table names come from the catalogue, not from input.
            await using var truncate = new NpgsqlCommand($"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE", connection);
            await truncate.ExecuteNonQueryAsync();
        }
    }

    protected override async Task DropDatabasesAsync()
    {
        if (_databases.Count == 0)
        {
            return;
        }

        var server = await PostgresServer.GetAsync();
        foreach (var database in _databases)
        {
            await server.DropDatabaseAsync(database);
        }
    }
}
