using Tributary.Credits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>How <c>UseStorage</c> chooses the backend from <c>Storage:Provider</c>.</summary>
public sealed class StorageRegistrationTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddTributary(configuration).UseStorage();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public void UnknownProvider_FailsWithAMessageNamingStorageProvider()
    {
        using var services = Build(("Storage:Provider", "mongodb"));

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<ILookupLedger>());

        error.Message.ShouldContain("Storage:Provider 'mongodb' is not supported");
    }

    [Theory]
    [InlineData("postgres", "postgres://app@db.internal:5433/tributary")]
    [InlineData("Postgres", "postgres://app@db.internal:5433/tributary")]
    public void Postgres_IsChosen_AndItsNameHidesThePassword(string provider, string expected)
    {
        using var services = Build(("Storage:Provider", provider), ("Storage:ConnectionString", "Host=db.internal;Port=5433;Username=app;Password=hunter2;Database=tributary"));

        services.GetRequiredService<IStoreHealth>().DisplayName.ShouldBe(expected);
        services.GetRequiredService<ICreditStore>().GetType().Name.ShouldBe("PostgresCreditStore");
        services.GetRequiredService<IStagingQueue>().GetType().Name.ShouldBe("PostgresStagingQueue");
        services.GetRequiredService<IJobStore>().GetType().Name.ShouldBe("PostgresJobStore");
    }

    [Fact]
    public void Sqlite_IsTheDefault()
    {
        using var services = Build(("Storage:ConnectionString", "Data Source=unused.db"));

        services.GetRequiredService<ICreditStore>().GetType().Name.ShouldBe("SqliteCreditStore");
        services.GetRequiredService<IRunStore>().GetType().Name.ShouldBe("SqliteRunStore");
        services.GetRequiredService<IStoreHealth>().DisplayName.ShouldEndWith("unused.db");
    }
}
