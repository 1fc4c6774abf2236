using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>The shared store's health, migrations and settings, as the host sees any store.</summary>
internal sealed class PostgresStoreAdmin(PostgresDatabase database) : IStoreHealth, IStoreMigrator, IStoreSettings
{
    public string DisplayName => database.DisplayName;

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    /// <summary>Every node shares the value: insert if absent, then read what the first writer stored.</summary>
    public string GetOrCreate(string name, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        using var connection = database.Open();
        using var insert = new NpgsqlCommand("INSERT INTO settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING", connection)
            .With("name", name)
            .With("value", create());
        insert.ExecuteNonQuery();
        using var select = new NpgsqlCommand("SELECT value FROM settings WHERE name = @name", connection).With("name", name);
        return (string)select.ExecuteScalar()!;
    }
}
