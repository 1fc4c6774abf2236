using Microsoft.Extensions.Configuration;
using Tributary.Host.Cli;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Storage;

/// <summary><c>tributary db migrate</c>: what it prints and its exit codes.</summary>
public sealed class DbMigrateCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    internal static async Task<(int Exit, string Output, string Error)> MigrateAsync(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DbCommand.MigrateAsync(configuration, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_Sqlite_AppliesThenIsUpToDate()
    {
        var store = ("Storage:ConnectionString", $"Data Source={_directory.File("migrate.db")}");

        var first = await MigrateAsync(store);
        var second = await MigrateAsync(store);

        first.Exit.ShouldBe(0);
        first.Output.ShouldContain("applied 0001_ledger");
        first.Output.ShouldContain("applied 0003_pipeline");
        first.Output.ShouldContain($"sqlite:{_directory.File("migrate.db")} migrated to schema version");
        second.Exit.ShouldBe(0);
        second.Output.ShouldNotContain("applied");
        second.Output.ShouldContain("is up to date");
    }

    [Fact]
    public async Task Migrate_UnknownProvider_Exits2NamingTheSetting()
    {
        var result = await MigrateAsync(("Storage:Provider", "mysql"));

        result.Exit.ShouldBe(2);
        result.Error.ShouldContain("Storage:Provider 'mysql'");
    }

    [Fact]
    public async Task Migrate_PostgresWithoutConnectionString_Exits2NamingTheSetting()
    {
        var result = await MigrateAsync(("Storage:Provider", "postgres"));

        result.Exit.ShouldBe(2);
        result.Error.ShouldContain("Storage:ConnectionString");
    }

    [Fact]
    public async Task Migrate_MalformedConnectionString_Exits2NamingTheSetting()
    {
        var result = await MigrateAsync(("Storage:Provider", "postgres"), ("Storage:ConnectionString", "Host=db;Colour=blue;Password=s3cret"));

        result.Exit.ShouldBe(2);
        result.Error.ShouldContain("Storage:ConnectionString is not a valid postgres connection string");
        result.Error.ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mode=ReadWriteCreate")]
    public async Task Migrate_SqliteWithoutADatabaseFile_Exits2NamingTheSetting(string connectionString)
    {
        var result = await MigrateAsync(("Storage:ConnectionString", connectionString));

        result.Exit.ShouldBe(2);
        result.Error.ShouldContain("Storage:ConnectionString names no database file");
    }

    [Fact]
    public async Task Migrate_UnreachablePostgres_Exits1WithoutThePassword()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await MigrateAsync(
            ("Storage:Provider", "postgres"),
            ("Storage:ConnectionString", $"Host=127.0.0.1;Port={port};Username=tributary;Password=s3cret;Database=tributary;Timeout=3"));

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain($"postgres://tributary@127.0.0.1:{port}/tributary (Storage:ConnectionString) is unreachable");
        result.Error.ShouldNotContain("s3cret");
    }
}

/// <summary><c>tributary db migrate</c> against a real PostgreSQL database.</summary>
[RequiresPostgres]
public sealed class PostgresDbMigrateCommandTests(PostgresStoreBackend postgres) : IClassFixture<PostgresStoreBackend>
{
    [StoreFact]
    public async Task Migrate_Postgres_AppliesThenIsUpToDate()
    {
        var store = ("Storage:ConnectionString", await postgres.CreateDatabaseAsync());

        var first = await DbMigrateCommandTests.MigrateAsync(("Storage:Provider", "postgres"), store);
        var second = await DbMigrateCommandTests.MigrateAsync(("Storage:Provider", "postgres"), store);

        first.Exit.ShouldBe(0);
        first.Output.ShouldContain("applied 0004_runs_jobs");
        second.Exit.ShouldBe(0);
        second.Output.ShouldContain("is up to date");
    }
}
