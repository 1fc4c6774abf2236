using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// One statement run once per row inside a transaction: prepared once, its parameters made once under their full
/// <c>@name</c>, each row only setting their values. Dapper's execute-per-item makes new parameters for every row,
/// named without the <c>@</c>, which SQLite then looks up under three prefixes: in the pipeline's batch writes that
/// binding was a tenth of a running worker's CPU.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    /// <summary>Prepares <paramref name="sql"/> on the transaction's connection, with <paramref name="parameters"/> (names with their <c>@</c>) in the order <see cref="Run"/> takes their values.</summary>
    public SqliteRowStatement(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = [.. parameters.Select(name => _command.Parameters.Add(new SqliteParameter(name, null)))];
        _command.Prepare();
    }

    /// <summary>Runs the statement with <paramref name="values"/> (null for SQL NULL), in the order the parameters were named; the rows it changed.</summary>
    public int Run(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"The statement takes {_parameters.Length} values; {values.Length} were given.", nameof(values));
        }

        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
