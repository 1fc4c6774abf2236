using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Storage;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Storage;

public sealed class WalCheckpointsTests
{
    private const int Commits = 12;
    private const int BlobBytes = 512 * 1024;

    [Fact]
    public async Task Commits_LeaveTheLogToTheTimer_WhichCopiesItIntoTheDatabaseFile()
    {
        using var directory = new TempDirectory();
        var file = directory.File("store.db");
        var time = new FakeTimeProvider();
        using var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={file}" }), time);
        await WriteAsync(database, "CREATE TABLE blobs (content BLOB NOT NULL)");

        // 6 MB in 12 commits: past the 1,000 pages (4 MB) at which SQLite would checkpoint inside a commit.
        for (var i = 0; i < Commits; i++)
        {
            await WriteAsync(database, $"INSERT INTO blobs (content) VALUES (randomblob({BlobBytes}))");
        }

        var beforeTheTick = new FileInfo(file).Length;
        time.Advance(WalCheckpoints.Period);
        var afterTheTick = new FileInfo(file).Length;

        beforeTheTick.ShouldBeLessThan(BlobBytes, "no commit copies the log into the database file");
        afterTheTick.ShouldBeGreaterThan((long)Commits * BlobBytes, "the timer's checkpoint copies all of it");
    }

    private static async Task WriteAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenForWriteAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
