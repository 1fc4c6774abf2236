using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Storage;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// Who copies SQLite's write-ahead log into the database file: a background writer's commit past 1,000 pages, as SQLite
/// does by default; for writes a caller waits on (a webhook's intake), the timer of <see cref="WalCheckpoints"/>.
/// </summary>
public sealed class WalCheckpointsTests : IDisposable
{
    // 6 MB in 12 commits: past the 1,000 pages (4 MB) at which SQLite checkpoints inside a commit.
    private const int Commits = 12;
    private const int BlobBytes = 512 * 1024;

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();
    private readonly SqliteDatabase _database;

    // SQLite checkpoints the whole log when the last connection to a file closes, and tests running beside this one
    // clear every connection pool of the process to release their files: an unpooled connection held open keeps any
    // of the store's connections from being the last, so only the checkpoints under test copy the log.
    private readonly SqliteConnection _holder;

    public WalCheckpointsTests()
    {
        _database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={File}" }), _time);
        _holder = new SqliteConnection($"Data Source={File};Pooling=False");
        _holder.Open();

        // Only a connection that has read the file in WAL mode holds the shared lock that makes it count as open.
        using var wal = _holder.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        wal.ExecuteScalar();
        using var read = _holder.CreateCommand();
        read.CommandText = "SELECT count(*) FROM sqlite_master;";
        read.ExecuteScalar();
    }

    private string File => _directory.File("store.db");

    public void Dispose()
    {
        _holder.Dispose();
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task WritesACallerWaitsOn_LeaveTheLogToTheTimer_WhichCopiesItIntoTheDatabaseFile()
    {
        await WriteBlobsAsync(callerWaiting: true);

        var beforeTheTick = new FileInfo(File).Length;
        _time.Advance(WalCheckpoints.Period);
        var afterTheTick = new FileInfo(File).Length;

        beforeTheTick.ShouldBeLessThan(BlobBytes, "no commit a caller waits on checkpoints");
        afterTheTick.ShouldBeGreaterThan((long)Commits * BlobBytes, "the timer's checkpoint copies all of it");
    }

    [Fact]
    public async Task BackgroundWriters_CheckpointAsTheyCommit()
    {
        await WriteBlobsAsync(callerWaiting: false);

        new FileInfo(File).Length.ShouldBeGreaterThan(4L * 1024 * 1024, "the commit that passed 1,000 pages copied them");
    }

    [Fact]
    public async Task OnceCopied_TheLogStartsAgainFromItsBeginning_SoItsFileDoesNotGrow()
    {
        var logSizes = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            await WriteBlobsAsync(callerWaiting: true);
            logSizes.Add(new FileInfo(File + "-wal").Length);
            _time.Advance(WalCheckpoints.Period);
        }

        logSizes[0].ShouldBeGreaterThan((long)Commits * BlobBytes);
        logSizes.ShouldAllBe(size => size <= logSizes[0] + BlobBytes, "each round of commits reuses the log's file from its start");
    }

    private async Task WriteBlobsAsync(bool callerWaiting)
    {
        await WriteAsync("CREATE TABLE IF NOT EXISTS blobs (content BLOB NOT NULL)", callerWaiting);
        for (var i = 0; i < Commits; i++)
        {
            await WriteAsync($"INSERT INTO blobs (content) VALUES (randomblob({BlobBytes}))", callerWaiting);
        }
    }

    private async Task WriteAsync(string sql, bool callerWaiting)
    {
        await using var connection = await _database.OpenForWriteAsync(callerWaiting, CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
