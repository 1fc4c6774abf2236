using Microsoft.Extensions.Options;
using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary>
/// The shared store: one <see cref="NpgsqlDataSource"/> (connection pool) per process, and the schema migrated once
/// per process before the first connection is handed out.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresMigrations _migrations;
    private readonly OnceGate _migrated;

    public PostgresDatabase(IOptions<StorageOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is 'postgres'.");
        }

        _dataSource = NpgsqlDataSource.Create(connectionString);
        _migrations = new PostgresMigrations(_dataSource, time);
        _migrated = new OnceGate(() => _migrations.ApplyAsync(CancellationToken.None));
        DisplayName = Describe(connectionString);
    }

    /// <summary><c>postgres://user@host:port/database</c>: the connection string without its password.</summary>
    public string DisplayName { get; }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _migrated.EnsureAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>For synchronous callers (options configuration).</summary>
    public NpgsqlConnection Open()
    {
        _migrated.Ensure();
        return _dataSource.OpenConnection();
    }

    /// <summary>Applies pending migrations now, whether or not this process already did.</summary>
    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken) => _migrations.ApplyAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
