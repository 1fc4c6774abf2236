using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, created and migrated on first use. Connections are pooled by
/// Microsoft.Data.Sqlite; each one waits briefly for a writer instead of failing with "database is locked".
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _migrated;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString ?? "Data Source=tributary.db")
        {
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        _migrated = new Lazy<Task>(MigrateCoreAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    /// <summary>Applies pending migrations once per process.</summary>
    public Task MigrateAsync() => _migrated.Value;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync();
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Reads a setting, creating it with <paramref name="create"/> the first time (first writer wins).</summary>
    public string GetOrCreateSetting(string name, Func<string> create)
    {
        MigrateAsync().GetAwaiter().GetResult();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 5000;");
        connection.Execute("INSERT OR IGNORE INTO settings (name, value) VALUES (@name, @value)", new { name, value = create() });
        return connection.QuerySingle<string>("SELECT value FROM settings WHERE name = @name", new { name });
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // Per-connection settings. Without busy_timeout, a writer that meets another writer is retried by
        // Microsoft.Data.Sqlite after a fixed 150 ms sleep; SQLite's own busy handler waits in small steps instead.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task MigrateCoreAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations")).ToHashSet();
        foreach (var (version, sql) in Migrations())
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)",
                new { version, at = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
            await transaction.CommitAsync();
        }
    }

    /// <summary>Embedded <c>Migrations/NNNN_name.sql</c> files in version order.</summary>
    private static IEnumerable<(long Version, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "Tributary.Storage.Sqlite.Migrations.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var version = long.Parse(name.AsSpan(prefix.Length, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }
}
