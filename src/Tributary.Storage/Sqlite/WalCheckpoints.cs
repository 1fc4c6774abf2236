using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file from a timer rather than inside a commit. SQLite's automatic
/// checkpoint runs in whichever commit takes the log past 1,000 pages, with two fsyncs, and every write queued behind
/// that commit (a webhook acknowledgement among them) waits for them as well. The store's connections turn it off
/// (<c>wal_autocheckpoint = 0</c>), and this runs a passive checkpoint, which waits for no reader or writer, once a
/// <see cref="Period"/> after the store was used.
/// </summary>
internal sealed class WalCheckpoints : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    // Mode=ReadWrite: a checkpoint never creates a database whose file has been removed meanwhile.
    private readonly string _connectionString;
    private readonly ITimer _timer;
    private int _used;
    private int _running;

    public WalCheckpoints(string connectionString, TimeProvider time)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        _timer = time.CreateTimer(static state => ((WalCheckpoints)state!).Run(), this, Period, Period);
    }

    /// <summary>Notes that the store was opened, so the next tick checkpoints what may have been written.</summary>
    public void MarkUsed() => Volatile.Write(ref _used, 1);

    /// <summary>Runs one checkpoint now if the store was used since the last one; true when the log was copied whole.</summary>
    public bool Run()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return false;
        }

        try
        {
            if (Interlocked.Exchange(ref _used, 0) == 0)
            {
                return true;
            }

            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var result = checkpoint.ExecuteReader();

            // (busy, pages in the log, pages copied): pages a reader still needs are copied on a later tick.
            var complete = result.Read() && result.GetInt64(0) == 0 && result.GetInt64(2) >= result.GetInt64(1);
            if (!complete)
            {
                MarkUsed();
            }

            return complete;
        }
        catch (SqliteException)
        {
            // The file is gone or busy: the log stays as it is until the store is used and the next tick tries again.
            return false;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
