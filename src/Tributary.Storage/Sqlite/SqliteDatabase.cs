using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, created and migrated on first use. Connections are pooled by
/// Microsoft.Data.Sqlite; each one waits briefly for a writer instead of failing with "database is locked".
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private static readonly IReadOnlyList<MigrationScript> Scripts = MigrationScript.Load("Tributary.Storage.Sqlite.Migrations.");

    // The pooled SQLite connections whose settings are made (keyed by the native handle the pool reuses), each with
    // whether SQLite's automatic checkpoint is on for it.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, StrongBox<bool>> Configured = new();

    private readonly string _connectionString;
    private readonly string _writerConnectionString;
    private readonly TimeProvider _time;
    private readonly OnceGate _migrated;
    private readonly WriteTurns _writeTurns = new();
    private readonly WalCheckpoints _checkpoints;
    private readonly ConcurrentDictionary<string, SqliteKeptRead> _keptReads = new();

    public SqliteDatabase(IOptions<StorageOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString ?? "Data Source=tributary.db")
        {
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();

        // Writers draw their connections from a pool of their own: the same settings with SQLite's default mode spelled
        // out, which makes a different pool key (a mode set by the operator is left as it is, and then the pool is shared).
        // Writes take turns, so that pool holds one connection, and its page cache stays valid from one write to the
        // next: SQLite empties a connection's cache when another connection has committed since its last transaction,
        // which with one shared pool was nearly every time. The cache is 8 MB instead of SQLite's 2 MB.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
        }

        _writerConnectionString = builder.ToString();
        _time = time ?? TimeProvider.System;
        DataSource = builder.DataSource;
        _migrated = new OnceGate(() => ApplyMigrationsAsync(CancellationToken.None));
        _checkpoints = new WalCheckpoints(_connectionString, _writeTurns, _time);
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    /// <summary>Applies pending migrations once per process.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _migrated.EnsureAsync(cancellationToken);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await OpenRawAsync(forWrites: false, cancellationToken);
    }

    /// <summary>
    /// A connection for a write. This process's writers take turns here, first come first served, and the next one
    /// starts the moment the previous connection closes; left to meet at SQLite's write lock, they would poll it with
    /// the busy handler's growing sleeps (1, 2, 5 … 100 ms), which is what a contended write's tail latency was made
    /// of. Writers in other processes on the same file still meet at the lock (busy_timeout). Hold the connection for
    /// one unit of work: the turn ends when it is closed or disposed.
    /// </summary>
    public Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken) => OpenForWriteAsync(callerWaiting: false, cancellationToken);

    /// <summary>
    /// As <see cref="OpenForWriteAsync(CancellationToken)"/>; with <paramref name="callerWaiting"/>, this write goes
    /// ahead of background writers already waiting (see <see cref="WriteTurns"/>). For short writes a caller's answer waits on.
    /// </summary>
    public async Task<SqliteConnection> OpenForWriteAsync(bool callerWaiting, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await _writeTurns.TakeAsync(callerWaiting, cancellationToken);
        try
        {
            var connection = await OpenRawAsync(forWrites: true, cancellationToken);
            await SetAutomaticCheckpointAsync(connection, on: !callerWaiting, cancellationToken);
            var released = 0;
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == System.Data.ConnectionState.Closed && Interlocked.Exchange(ref released, 1) == 0)
                {
                    _writeTurns.Release();
                }
            };
            return connection;
        }
        catch
        {
            _writeTurns.Release();
            throw;
        }
    }

    /// <summary>Reads a setting, creating it with <paramref name="create"/> the first time (first writer wins).</summary>
    public string GetOrCreateSetting(string name, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _migrated.Ensure();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 5000;");
        connection.Execute("INSERT OR IGNORE INTO settings (name, value) VALUES (@name, @value)", new { name, value = create() });
        return connection.QuerySingle<string>("SELECT value FROM settings WHERE name = @name", new { name });
    }

    /// <summary>
    /// Applies the migrations not yet recorded. Each runs in an immediate (write-locked) transaction that checks the
    /// version again, so processes opening the same file together apply each migration once.
    /// </summary>
    internal async Task<MigrationReport> ApplyMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRawAsync(forWrites: false, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken: cancellationToken));
        var known = (await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
        var applied = new List<string>();
        foreach (var script in Scripts.Where(s => !known.Contains(s.Version)))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM schema_migrations WHERE version = @version", new { version = script.Version }, transaction, cancellationToken: cancellationToken));
            if (done == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)",
                    new { version = script.Version, at = SqliteText.Of(_time.GetUtcNow()) },
                    transaction,
                    cancellationToken: cancellationToken));
                applied.Add(script.Name);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return new MigrationReport(applied, Scripts.Count == 0 ? 0 : Scripts[^1].Version);
    }

    /// <summary>A read statement kept prepared on connections of its own for as long as this store is open (see <see cref="SqliteKeptRead"/>).</summary>
    internal SqliteKeptRead KeptRead(string sql, string parameter) =>
        _keptReads.GetOrAdd(sql, static (text, state) => new SqliteKeptRead(state.Database, text, state.Parameter), (Database: this, Parameter: parameter));

    public void Dispose()
    {
        foreach (var read in _keptReads.Values)
        {
            read.Dispose();
        }

        _checkpoints.Dispose();
    }

    /// <summary>
    /// SQLite checkpoints the write-ahead log inside the commit that takes it past 1,000 pages: two fsyncs and a few
    /// milliseconds. A background writer in its turn may pay for that (it also makes its next group commit larger);
    /// every other connection skips it, so a write a caller waits on never does, and <see cref="WalCheckpoints"/>
    /// copies what those leave, beside the writers.
    /// </summary>
    private static async Task SetAutomaticCheckpointAsync(SqliteConnection connection, bool on, CancellationToken cancellationToken)
    {
        var setting = Configured.GetValue(connection.Handle!, static _ => new StrongBox<bool>(false));
        if (setting.Value == on)
        {
            return;
        }

        await using var pragma = connection.CreateCommand();
        pragma.CommandText = on ? "PRAGMA wal_autocheckpoint = 1000;" : "PRAGMA wal_autocheckpoint = 0;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        setting.Value = on;
    }

    private async Task<SqliteConnection> OpenRawAsync(bool forWrites, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(forWrites ? _writerConnectionString : _connectionString);
        await connection.OpenAsync(cancellationToken);
        _checkpoints.MarkWritten();
        if (Configured.TryGetValue(connection.Handle!, out _))
        {
            return connection;
        }

        // Per-connection settings, made once per SQLite connection: the pool hands the same one out again with them.
        // Without busy_timeout, a writer that meets another writer is retried by Microsoft.Data.Sqlite after a fixed
        // 150 ms sleep; SQLite's own busy handler waits in small steps instead. secure_delete overwrites deleted
        // content with zeros, so an erased subject is left in no free page. No automatic checkpoint, except for background
        // writers (SetAutomaticCheckpointAsync).
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA wal_autocheckpoint = 0;"
            + (forWrites && _writerConnectionString != _connectionString ? " PRAGMA cache_size = -8192;" : "");
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        Configured.AddOrUpdate(connection.Handle!, new StrongBox<bool>(false));
        return connection;
    }
}
