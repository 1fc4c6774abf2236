using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Storage;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// The store's writers draw from a pool of their own, so that the one connection writes take turns on keeps its page
/// cache from one write to the next, while readers keep SQLite's default cache.
/// </summary>
public sealed class SqliteWriterPoolTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AWriter_GetsTheLargerCache_AndAReaderAfterItDoesNot()
    {
        using var database = Open($"Data Source={_directory.File("store.db")}");

        var writer = await CacheSizeAsync(database.OpenForWriteAsync(CancellationToken.None));
        var reader = await CacheSizeAsync(database.OpenAsync(CancellationToken.None));
        var writerAgain = await CacheSizeAsync(database.OpenForWriteAsync(CancellationToken.None));

        writer.ShouldBe(-8192);
        reader.ShouldBe(-2000, "a reader opened right after a writer closed is not handed the writer's connection");
        writerAgain.ShouldBe(-8192);
    }

    [Fact]
    public async Task AnOperatorsOwnMode_IsKept_AndThenReadersAndWritersShareOnePool()
    {
        var file = _directory.File("store.db");
        using (var create = Open($"Data Source={file}"))
        {
            await create.MigrateAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var database = Open($"Data Source={file};Mode=ReadWrite");

        var writer = await CacheSizeAsync(database.OpenForWriteAsync(CancellationToken.None));
        var reader = await CacheSizeAsync(database.OpenAsync(CancellationToken.None));

        writer.ShouldBe(-2000, "the larger cache is only for a pool that holds writers alone");
        reader.ShouldBe(-2000);
    }

    private static SqliteDatabase Open(string connectionString) =>
        new(Options.Create(new StorageOptions { ConnectionString = connectionString }));

    private static async Task<long> CacheSizeAsync(Task<SqliteConnection> opening)
    {
        await using var connection = await opening;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size;";
        return (long)(await command.ExecuteScalarAsync(CancellationToken.None))!;
    }
}
