using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Profiles;
using Tributary.Storage;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// The ledger's read stays prepared on connections of its own between lookups: it must still see every commit made
/// since (by this process's writers or another process), serve any number of readers at once, survive a cancelled
/// read, and close its connections when the store is disposed.
/// </summary>
public sealed class SqliteKeptReadTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private readonly string _file;
    private readonly SqliteDatabase _database;
    private readonly SqliteLookupLedger _ledger;

    public SqliteKeptReadTests()
    {
        _file = _directory.File("store.db");
        _database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_file}" }));
        _ledger = new SqliteLookupLedger(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task ARowCommittedAfterTheReadWasKept_IsSeen_AndSoIsItsDeletion()
    {
        (await _ledger.FindAsync("clearbit:a", CancellationToken.None)).ShouldBeNull();

        await _ledger.RecordManyAsync([new LedgerRecord("clearbit:a", "clearbit", Entry(0.9))], CancellationToken.None);
        (await _ledger.FindAsync("clearbit:a", CancellationToken.None))!.Confidence.ShouldBe(0.9);

        // Another process's write, on a connection of its own.
        await using (var other = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            await other.OpenAsync();
            await using var delete = other.CreateCommand();
            delete.CommandText = "PRAGMA busy_timeout = 5000; DELETE FROM lookup_ledger WHERE key = 'clearbit:a'";
            await delete.ExecuteNonQueryAsync();
        }

        (await _ledger.FindAsync("clearbit:a", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task ManyMoreReadersThanKeptConnections_EachReadTheirOwnRow()
    {
        var records = Enumerable.Range(0, 300).Select(i => new LedgerRecord($"zoominfo:{i}", "zoominfo", Entry(i / 1000.0))).ToArray();
        await _ledger.RecordManyAsync(records, CancellationToken.None);

        var found = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
            (i, (await _ledger.FindAsync($"zoominfo:{i}", CancellationToken.None))?.Confidence))));

        found.ShouldAllBe(pair => pair.Confidence == pair.i / 1000.0);
    }

    [Fact]
    public async Task ACancelledRead_LeavesLaterReadsWorking()
    {
        await _ledger.RecordManyAsync([new LedgerRecord("pdl:b", "pdl", Entry(0.8))], CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        for (var i = 0; i < 50; i++)
        {
            await Should.ThrowAsync<OperationCanceledException>(async () => await _ledger.FindAsync("pdl:b", cancelled.Token));
        }

        (await _ledger.FindAsync("pdl:b", CancellationToken.None))!.Confidence.ShouldBe(0.8);
    }

    [Fact]
    public async Task DisposingTheStore_ClosesTheKeptConnections()
    {
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () => await _ledger.FindAsync($"k{i}", CancellationToken.None))));
        SqliteConnection.ClearAllPools();
        OpenHandlesOn(_file).ShouldBeGreaterThan(0, "the kept read holds its connections open between lookups");

        _database.Dispose();
        SqliteConnection.ClearAllPools();

        OpenHandlesOn(_file).ShouldBe(0);
    }

    private static CacheEntry Entry(double confidence) => new(ProviderStatus.Matched, Profile.Empty, confidence, At, At.AddDays(90));

    // This process's open file descriptors on the database file (Linux).
    private static int OpenHandlesOn(string file) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd => fd.LinkTarget == Path.GetFullPath(file));
}
