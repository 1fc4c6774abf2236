using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Storage;

namespace Tributary.Benchmarks;

/// <summary>
/// The write-back journal's share of a pipeline claim: 100 blank contacts, seven fields written to each, journaled in
/// one call to the SQLite store as the worker does (a row per field), with record ids rising from claim to claim as a
/// CRM's do.
/// </summary>
[MemoryDiagnoser]
public class JournalRecordBenchmark
{
    private const int Contacts = 100;
    private static readonly string[] Fields = ["name", "jobTitle", "companyName", "industry", "employeeCount", "city", "country"];

    private readonly string _run = Guid.NewGuid().ToString("N");
    private BenchStore _store = null!;
    private IWriteBackJournal _journal = null!;
    private int _claims;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchStore.CreateAsync("journal");
        _journal = _store.Services.GetRequiredService<IWriteBackJournal>();
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _store.DisposeAsync().AsTask();

    /// <summary>One claim's journal: 700 rows in one call; the figure is per row.</summary>
    [Benchmark(OperationsPerInvoke = Contacts * 7)]
    public Task RecordClaim()
    {
        var first = 1_000_000 + (_claims++ * Contacts);
        var at = DateTimeOffset.UtcNow;
        var entries = new List<JournalEntry>(Contacts * Fields.Length);
        for (var contact = 0; contact < Contacts; contact++)
        {
            var record = (first + contact).ToString(CultureInfo.InvariantCulture);
            foreach (var field in Fields)
            {
                entries.Add(new JournalEntry(_run, "hubspot", record, "contact", field, null, $"{field} of {record}", "zoominfo", 0.85, JournalState.Pending, at));
            }
        }

        return _journal.RecordAsync(entries, CancellationToken.None);
    }
}
