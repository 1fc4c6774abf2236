using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Storage;

namespace Tributary.Benchmarks;

/// <summary>
/// A migrated SQLite store in a directory of its own, with Tributary's services over it, for a benchmark's global
/// setup; disposing it closes the store and deletes the directory.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly string _directory;

    private BenchStore(string directory, ServiceProvider services)
    {
        _directory = directory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    /// <param name="name">Names the temporary directory.</param>
    /// <param name="settings">Settings beyond the store's connection string.</param>
    /// <param name="addFeatures">Registers what the benchmark needs beside the store.</param>
    public static async Task<BenchStore> CreateAsync(string name, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? addFeatures = null)
    {
        var directory = Directory.CreateTempSubdirectory($"tributary-{name}-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "tributary.db")}" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        addFeatures?.Invoke(services);
        services.AddTributary(configuration).UseStorage();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        return new BenchStore(directory, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
