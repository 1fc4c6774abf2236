namespace Tributary.Storage.Sqlite;

/// <summary>The embedded store's health, migrations and settings, as the host sees any store.</summary>
internal sealed class SqliteStoreAdmin(SqliteDatabase database) : IStoreHealth, IStoreMigrator, IStoreSettings
{
    public string DisplayName => $"sqlite:{Path.GetFullPath(database.DataSource)}";

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken) => database.ApplyMigrationsAsync(cancellationToken);

    public string GetOrCreate(string name, Func<string> create) => database.GetOrCreateSetting(name, create);
}
