using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// Copies into the database file the write-ahead log that writes other than a background writer's leave behind: they
/// run with SQLite's automatic checkpoint off (see <see cref="SqliteDatabase"/>), so no webhook acknowledgement waits
/// for two fsyncs. Once a <see cref="Period"/> after the store was used, this runs a passive checkpoint beside the
/// writers, which waits for none of them.
/// </summary>
/// <remarks>
/// The log starts again from its beginning only after a checkpoint has copied all of it, and writers that never
/// pause keep adding pages while a checkpoint beside them runs, so the log would only grow. When more than
/// <see cref="MaxFramesLeft"/> pages are left, the next checkpoint takes a background write turn, so that this
/// process's writers wait for it and it copies the rest.
/// </remarks>
internal sealed class WalCheckpoints : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>Pages of 4 KB: 16 MB of log at most before a checkpoint makes the writers wait.</summary>
    public const long MaxFramesLeft = 4000;

    // Mode=ReadWrite: a checkpoint never creates a database whose file has been removed meanwhile.
    private readonly string _connectionString;
    private readonly WriteTurns _turns;
    private readonly ITimer _timer;
    private int _written;
    private int _running;

    public WalCheckpoints(string connectionString, WriteTurns turns, TimeProvider time)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        _turns = turns;
        _timer = time.CreateTimer(static state => ((WalCheckpoints)state!).OnTick(), this, Period, Period);
    }

    /// <summary>Notes that the store was opened (perhaps for a write that skips SQLite's automatic checkpoint), so the next tick checkpoints.</summary>
    public void MarkWritten() => Volatile.Write(ref _written, 1);

    public void Dispose() => _timer.Dispose();

    private void OnTick()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        if (Interlocked.Exchange(ref _written, 0) == 1 && Checkpoint() is { Complete: false } beside)
        {
            MarkWritten();
            if (beside.FramesLeft > MaxFramesLeft)
            {
                _ = CheckpointInATurnAsync();
                return;
            }
        }

        Volatile.Write(ref _running, 0);
    }

    private async Task CheckpointInATurnAsync()
    {
        try
        {
            await _turns.TakeAsync(callerWaiting: false, CancellationToken.None);
            try
            {
                if (Checkpoint().Complete)
                {
                    Interlocked.Exchange(ref _written, 0);
                }
            }
            finally
            {
                _turns.Release();
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private (bool Complete, long FramesLeft) Checkpoint()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var result = checkpoint.ExecuteReader();

            // One row: busy, pages in the log, pages copied (-1 and -1 when the database is not in WAL mode).
            if (!result.Read())
            {
                return (false, 0);
            }

            var left = Math.Max(0, result.GetInt64(1) - result.GetInt64(2));
            return (result.GetInt64(0) == 0 && left == 0, left);
        }
        catch (SqliteException)
        {
            // The file is gone or another process is checkpointing it: nothing to retry until the next such write.
            return (true, 0);
        }
    }
}
