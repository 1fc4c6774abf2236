using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tributary.Storage;

/// <summary>
/// Migrates the store when a host starts, so a schema problem stops the process at start rather than failing its
/// first request. Processes without a host (tests, tools) still migrate on their first use of the store.
/// </summary>
internal sealed partial class StoreMigrationService(IStoreMigrator migrator, IStoreHealth health, ILogger<StoreMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await migrator.MigrateAsync(cancellationToken);
        if (report.Applied.Count > 0)
        {
            Migrated(logger, health.DisplayName, string.Join(", ", report.Applied), report.SchemaVersion);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Store {Store}: applied migrations {Migrations}; schema version {Version}")]
    private static partial void Migrated(ILogger logger, string store, string migrations, long version);
}
