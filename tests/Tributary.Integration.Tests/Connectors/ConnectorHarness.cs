using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Providers;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// One or more connectors built through the real registration (options binding, HTTP pipeline, rate gate, circuit)
/// and called directly, as the engine calls them. One harness per test: it owns the providers' budgets and circuits.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private static readonly string[] BuiltInSections = ["Clearbit", "ZoomInfo", "Apollo", "Hunter", "PeopleDataLabs"];

    private readonly ServiceProvider _services;

    public ConnectorHarness(IDictionary<string, string?> settings, Func<TributaryBuilder, TributaryBuilder> connectors, TimeProvider? time = null)
    {
        var effective = new Dictionary<string, string?>(settings) { ["Privacy:Pepper"] = "connector-tests" };
        foreach (var section in BuiltInSections)
        {
            // A cold first call on a busy two-core machine can pass the 500 ms default and be retried, which would
            // upset the call counts tests assert; the budget, not the attempt timeout, is what tests exercise. Once, on
            // a CI machine busy with the process-level tests, ZoomInfo's first call (token, then search) passed 5 s.
            effective.TryAdd($"Providers:{section}:TimeoutMs", "10000");
        }

        foreach (var baseUrl in settings.Keys.Where(key => key.StartsWith("Providers:Http:", StringComparison.Ordinal) && key.EndsWith(":BaseUrl", StringComparison.Ordinal)))
        {
            effective.TryAdd(baseUrl[..^":BaseUrl".Length] + ":TimeoutMs", "10000");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(effective).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        connectors(services.AddTributary(configuration));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Time = _services.GetRequiredService<TimeProvider>();
    }

    public TimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public IEnrichmentProvider Provider(string name) => _services.GetServices<IEnrichmentProvider>().Single(p => p.Name == name);

    public IBulkEnrichmentProvider Bulk(string name) => (IBulkEnrichmentProvider)Provider(name);

    public ProviderRuntime Runtime(string name) => _services.GetRequiredKeyedService<ProviderRuntime>(name);

    /// <summary>A person query with normalised identifiers; real-time (a generous 20 s budget) unless <paramref name="batch"/>.</summary>
    public EnrichmentQuery Person(RawIdentifiers identifiers, bool batch = false) => Query(identifiers, LookupKind.Person, batch);

    public EnrichmentQuery Email(string email, bool batch = false) => Person(new RawIdentifiers(Email: email), batch);

    public EnrichmentQuery Company(string domain, bool batch = false) => Query(new RawIdentifiers(Domain: domain), LookupKind.Company, batch);

    public Task<ProviderResult> LookupAsync(string provider, EnrichmentQuery query) =>
        Provider(provider).LookupAsync(query, CancellationToken.None);

    public ValueTask DisposeAsync() => FakeClock.DisposeAsync(_services);

    private EnrichmentQuery Query(RawIdentifiers identifiers, LookupKind kind, bool batch) => new(
        _services.GetRequiredService<IdentifierNormalizer>().Normalize(identifiers),
        kind,
        batch ? CallBudget.Batch : CallBudget.RealTime(Time.GetUtcNow(), TimeSpan.FromSeconds(20)),
        []);
}
