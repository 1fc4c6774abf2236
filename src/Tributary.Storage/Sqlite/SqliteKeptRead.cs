using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// One read statement with one text parameter, run so often that preparing it on every call shows: the ledger's read, on
/// every cache miss and every row of a resumed file. Opening a pooled connection and parsing the SQL again took about
/// half of such a read. The statement is kept prepared on a few connections of its own, each serving one reader at a
/// time; readers beyond those open and prepare it as before, and close it after.
/// </summary>
internal sealed class SqliteKeptRead : IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly string _sql;
    private readonly string _parameter;
    private readonly int _keep = Math.Max(4, Environment.ProcessorCount * 2);
    private readonly ConcurrentBag<Prepared> _idle = [];
    private int _kept;
    private volatile bool _disposed;

    /// <param name="database">The store whose connections (and their settings) the statement is kept on.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="parameter">The statement's one text parameter, named with its <c>@</c>.</param>
    public SqliteKeptRead(SqliteDatabase database, string sql, string parameter)
    {
        _database = database;
        _sql = sql;
        _parameter = parameter;
    }

    /// <summary>Runs the statement with <paramref name="value"/> and reads its first row with <paramref name="read"/>; null when there is none.</summary>
    public async ValueTask<T?> ReadFirstAsync<T>(string value, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var prepared = _idle.TryTake(out var idle) ? idle : await PrepareAsync(cancellationToken);
        try
        {
            prepared.Parameter.Value = value;
            T? row;
            await using (var reader = await prepared.Command.ExecuteReaderAsync(cancellationToken))
            {
                row = await reader.ReadAsync(cancellationToken) ? read(reader) : null;
            }

            Return(prepared);
            return row;
        }
        catch
        {
            // A failed or cancelled read may leave its connection in any state: it is not handed out again.
            Discard(prepared);
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var prepared))
        {
            Discard(prepared);
        }
    }

    private async Task<Prepared> PrepareAsync(CancellationToken cancellationToken)
    {
        var kept = Interlocked.Increment(ref _kept) <= _keep;
        if (!kept)
        {
            Interlocked.Decrement(ref _kept);
        }

        SqliteConnection? connection = null;
        try
        {
            connection = await _database.OpenAsync(cancellationToken);
            var command = connection.CreateCommand();
            command.CommandText = _sql;
            var parameter = command.Parameters.Add(new SqliteParameter(_parameter, SqliteType.Text));
            command.Prepare();
            return new Prepared(connection, command, parameter, kept);
        }
        catch
        {
            if (kept)
            {
                Interlocked.Decrement(ref _kept);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    private void Return(Prepared prepared)
    {
        if (prepared.Kept && !_disposed)
        {
            _idle.Add(prepared);
            if (_disposed)
            {
                Dispose(); // disposed meanwhile: close what was just put back
            }

            return;
        }

        Discard(prepared);
    }

    private void Discard(Prepared prepared)
    {
        if (prepared.Kept)
        {
            Interlocked.Decrement(ref _kept);
        }

        prepared.Command.Dispose();
        prepared.Connection.Dispose();
    }

    private sealed record Prepared(SqliteConnection Connection, SqliteCommand Command, SqliteParameter Parameter, bool Kept);
}
