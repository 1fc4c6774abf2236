using Microsoft.Extensions.Options;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Storage;
using Tributary.Storage.Sqlite;

namespace Tributary.IntegrationTests.Batch;

/// <summary>One test's working directory and the <c>tributary enrich</c> process run in it against the simulators.</summary>
internal sealed class EnrichCli(BatchSimulators simulators) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Directory => _directory.Path;

    public string File(string name) => _directory.File(name);

    public string Write(string name, string content)
    {
        System.IO.File.WriteAllText(File(name), content);
        return File(name);
    }

    /// <summary>Settings added to the simulators' for every run of this working directory (environment variable names).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Runs <c>tributary enrich</c> with <paramref name="args"/> (paths relative to the working directory) to its end.</summary>
    public Task<TributaryProcess> RunAsync(params string[] args) =>
        TributaryProcess.RunAsync(["enrich", .. args], Environment(), Directory);

    public TributaryProcess Start(params string[] args) =>
        TributaryProcess.Start(["enrich", .. args], Environment(), Directory);

    /// <summary>The runs recorded in this directory's store, newest first.</summary>
    public async Task<IReadOnlyList<EnrichmentRun>> RunsAsync()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={File("tributary.db")}" }));
        return await new SqliteRunStore(database).ListRecentAsync(10, CancellationToken.None);
    }

    public void Dispose() => _directory.Dispose();

    private Dictionary<string, string?> Environment()
    {
        var environment = simulators.Environment(Directory);
        foreach (var (key, value) in Settings)
        {
            environment[key] = value;
        }

        return environment;
    }
}
