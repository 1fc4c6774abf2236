using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Tributary.Host.Hosting;
using Tributary.Storage;

namespace Tributary.Host.Cli;

/// <summary><c>tributary db migrate</c>: applies the store's schema migrations on demand, e.g. before rolling out nodes.</summary>
internal static class DbCommand
{
    /// <param name="output">Where the migration report goes.</param>
    /// <param name="error">Where failures go.</param>
    /// <param name="settings">Configuration from the command line (<see cref="CommandLineSettings"/>).</param>
    public static Command Create(TextWriter output, TextWriter error, string[] settings)
    {
        var migrate = new Command(
            "migrate",
            "Apply pending schema migrations to the configured store (Storage:Provider, Storage:ConnectionString) and print what was applied.");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            var configuration = new ConfigurationManager();
            TributaryConfiguration.AddSources(configuration, settings);
            return await MigrateAsync(configuration, output, error, cancellationToken);
        });
        return new Command("db", "Maintain the configured store.") { migrate };
    }

    /// <summary>
    /// Only the store is composed, not the engine or the sandbox: migrating needs no provider. Exit 0 when migrated,
    /// 1 when the store is unreachable, 2 for a bad <c>Storage</c> setting.
    /// </summary>
    public static async Task<int> MigrateAsync(IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddTributaryStore();
        await using var provider = services.BuildServiceProvider();

        IStoreMigrator migrator;
        IStoreHealth store;
        try
        {
            migrator = provider.GetRequiredService<IStoreMigrator>();
            store = provider.GetRequiredService<IStoreHealth>();
        }
        catch (OptionsValidationException ex)
        {
            foreach (var problem in ConfigurationErrors.Describe(ex)!)
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            return ExitCodes.BadArguments;
        }

        try
        {
            var report = await migrator.MigrateAsync(cancellationToken);
            foreach (var name in report.Applied)
            {
                await output.WriteLineAsync($"applied {name}");
            }

            await output.WriteLineAsync(report.Applied.Count == 0
                ? $"{store.DisplayName} is up to date (schema version {report.SchemaVersion})."
                : $"{store.DisplayName} migrated to schema version {report.SchemaVersion} ({report.Applied.Count} applied).");
            return ExitCodes.Success;
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"error: store {store.DisplayName} (Storage:ConnectionString) is unreachable: {ex.Message}");
            return ExitCodes.RuntimeFailure;
        }
    }
}
