using Microsoft.Data.Sqlite;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Storage;

/// <summary>The embedded backend: database files in a temporary directory.</summary>
public sealed class SqliteStoreBackend : StoreBackend
{
    private readonly TempDirectory _directory = new();

    public override string Provider => "sqlite";

    public override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={_directory.File(Guid.NewGuid().ToString("N") + ".db")}");

    public override async Task ResetAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'sqlite_sequence')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        // Table names come from the catalogue, not from input.
        await using var delete = connection.CreateCommand();
        delete.CommandText = "PRAGMA foreign_keys = OFF; " + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\"; "));
        await delete.ExecuteNonQueryAsync();
    }

    protected override Task DropDatabasesAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
