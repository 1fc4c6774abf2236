using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tributary.Storage;
using Tributary.Storage.Sqlite;

namespace Tributary.Benchmarks;

/// <summary>
/// The write-back journal's share of a pipeline claim: 700 rows (100 contacts, 7 fields each) in one SQLite write.
/// The baseline sends them as one JSON array that SQLite takes apart (<c>json_each</c> and <c>-&gt;&gt;</c>), as the
/// journal did until 2026-12-07; the journal itself now re-binds one prepared insert per row.
/// </summary>
[MemoryDiagnoser]
public class JournalWriteBenchmark
{
    private const int Rows = 700;
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private SqliteWriteBackJournal _journal = null!;
    private JournalEntry[] _entries = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("tributary-journal-").FullName;
        _database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "tributary.db")}" }));
        await _database.MigrateAsync();
        _journal = new SqliteWriteBackJournal(_database);
        _entries = [.. Enumerable.Range(0, Rows).Select(i => new JournalEntry(
            "run-bench", "hubspot", $"{1000 + i / 7}", "contacts", $"field_{i % 7}", i % 3 == 0 ? null : "typed by a person",
            $"enriched value {i}", "clearbit", 0.9, JournalState.Pending, At))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public async Task OneJsonArray()
    {
        await using var connection = await _database.OpenForWriteAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO writeback_journal (run_id, source_system, record_id, object_type, field, old_value, new_value, source, confidence, state, at)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10
            FROM json_each(@rows) ORDER BY key
            """,
            new { rows = JsonSerializer.Serialize(_entries.Select(e => new object?[] { e.RunId, e.SourceSystem, e.RecordId, e.ObjectType, e.Field, e.OldValue, e.NewValue, e.Source, e.Confidence, "pending", SqliteText.Of(e.At) })) });
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public Task PreparedInsertPerRow() => _journal.RecordAsync(_entries, CancellationToken.None);
}
