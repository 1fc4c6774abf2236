using Microsoft.Extensions.DependencyInjection;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>Migrations, health and settings: what every node does with the store at start.</summary>
public abstract class StoreAdminConformanceTests<TBackend>(TBackend backend) : StoreTests<TBackend>(backend)
    where TBackend : StoreBackend
{
    [StoreFact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationThenNothing()
    {
        var database = await Backend.CreateDatabaseAsync();
        var migrator = Backend.NewNode(database).GetRequiredService<IStoreMigrator>();

        var first = await migrator.MigrateAsync(None);
        var second = await migrator.MigrateAsync(None);
        var otherProcess = await Backend.NewNode(database).GetRequiredService<IStoreMigrator>().MigrateAsync(None);

        first.Applied[0].ShouldBe("0001_ledger");
        first.Applied.ShouldContain("0003_pipeline");
        first.Applied.ShouldBe(first.Applied.Order(StringComparer.Ordinal).ToArray());
        first.SchemaVersion.ShouldBeGreaterThanOrEqualTo(4);
        second.Applied.ShouldBeEmpty();
        second.SchemaVersion.ShouldBe(first.SchemaVersion);
        otherProcess.Applied.ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Migrate_SeveralProcessesAtOnce_ApplyEachMigrationOnce()
    {
        var database = await Backend.CreateDatabaseAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => Backend.NewNode(database)).ToArray();

        var reports = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.GetRequiredService<IStoreMigrator>().MigrateAsync(None))));

        var applied = reports.SelectMany(r => r.Applied).ToArray();
        applied.ShouldBeUnique();
        // Versions need not be contiguous (a number can be reserved by a branch not merged yet): count the scripts.
        var scripts = MigrationScript.Load(Backend.Provider == "postgres" ? "Tributary.Storage.Postgres.Migrations." : "Tributary.Storage.Sqlite.Migrations.");
        applied.Order(StringComparer.Ordinal).ShouldBe(scripts.Select(s => s.Name));
    }

    [StoreFact]
    public async Task Health_IsOk_AndTheDisplayNameHasNoPassword()
    {
        var health = Get<IStoreHealth>();

        (await health.CheckAsync(None)).ShouldBeTrue();
        health.DisplayName.ShouldStartWith(Backend.Provider + ":");
        health.DisplayName.ShouldNotContain("password", Case.Insensitive);
    }

    [StoreFact]
    public async Task Settings_ConcurrentFirstWriters_AllReadTheFirstValue()
    {
        var nodes = Enumerable.Range(0, 8).Select(_ => Backend.NewNode()).ToArray();

        var values = await Task.WhenAll(nodes.Select((n, i) => Task.Run(() => n.GetRequiredService<IStoreSettings>().GetOrCreate("shared", () => $"value-{i}"))));
        var later = Get<IStoreSettings>().GetOrCreate("shared", () => "too-late");

        values.Distinct().Count().ShouldBe(1);
        later.ShouldBe(values[0]);
    }
}

public sealed class SqliteStoreAdminTests(SqliteStoreBackend backend) : StoreAdminConformanceTests<SqliteStoreBackend>(backend);

[RequiresPostgres]
public sealed class PostgresStoreAdminTests(PostgresStoreBackend backend) : StoreAdminConformanceTests<PostgresStoreBackend>(backend);
