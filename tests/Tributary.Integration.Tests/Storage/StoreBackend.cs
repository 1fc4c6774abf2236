using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// One backend under test, a class fixture: a fresh database for the test class, and the store wired as the host
/// wires it (<c>AddTributary(…).UseStorage()</c>) with a fake clock. <see cref="NewNode"/> adds another "process" on
/// the same database, with its own connection pool and once-per-process state.
/// </summary>
public abstract class StoreBackend : IAsyncLifetime
{
    private readonly List<ServiceProvider> _nodes = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The value of <c>Storage:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The class's database.</summary>
    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => _nodes[0];

    /// <summary>False when the backend cannot run here; its tests are then skipped and this fixture does nothing.</summary>
    protected virtual bool Available => true;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public IServiceProvider NewNode(string? connectionString = null)
    {
        var node = Build(connectionString ?? ConnectionString);
        lock (_nodes)
        {
            _nodes.Add(node);
        }

        return node;
    }

    /// <summary>A new empty database (no schema), dropped with the fixture; returns its connection string.</summary>
    public abstract Task<string> CreateDatabaseAsync();

    /// <summary>Empties every table but the migrations' record, so each test starts from an empty store.</summary>
    public abstract Task ResetAsync();

    public async Task InitializeAsync()
    {
        if (Available)
        {
            ConnectionString = await CreateDatabaseAsync();
            NewNode();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await DropDatabasesAsync();
    }

    protected abstract Task DropDatabasesAsync();

    private ServiceProvider Build(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Provider,
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        services.AddTributary(configuration).UseStorage();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
