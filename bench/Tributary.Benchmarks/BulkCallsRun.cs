using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Connectors.Apollo;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;
using Tributary.Storage;

namespace Tributary.Benchmarks;

/// <summary>
/// Provider calls spent on batch work, per provider with a bulk endpoint: the same new subjects enriched through
/// <see cref="EnrichmentEngine.EnrichManyAsync"/> in batches of 100 (as <c>tributary enrich</c> does) and through
/// <see cref="EnrichmentEngine.EnrichAsync"/> one by one, each phase on an empty ledger, counting the calls the
/// simulator receives (ZoomInfo's authentication aside). Targets per 1,000 records: PDL ≤ 10, Apollo ≤ 100, ZoomInfo ≤ 40.
/// Usage: bulk-calls [records=1000].
/// </summary>
internal static class BulkCallsRun
{
    private const int BatchSize = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var emails = SampleDataset.Create().People.Take(records).Select(p => p.Email).ToArray();
        Console.WriteLine($"bulk-calls: {emails.Length} sample people per phase, parallel mode, one provider at a time, empty ledger per phase");
        Console.WriteLine("provider        | bulk calls | one-by-one calls | bulk calls per 1,000 | target");
        var ok = true;
        ok &= await MeasureAsync("peopledatalabs", new PeopleDataLabsSimulator(), 10, emails);
        ok &= await MeasureAsync("apollo", new ApolloSimulator(), 100, emails);
        ok &= await MeasureAsync("zoominfo", new ZoomInfoSimulator(), 40, emails);
        return ok ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(string provider, ProviderSimulator simulator, int target, string[] emails)
    {
        await using var owned = simulator;
        await simulator.StartAsync();
        simulator.Faults.PerMinuteLimit = 10_000_000;

        var bulk = await CountCallsAsync(provider, simulator, emails, async (engine, requests) =>
        {
            foreach (var batch in requests.Chunk(BatchSize))
            {
                await engine.EnrichManyAsync(batch, CancellationToken.None);
            }
        });
        var single = await CountCallsAsync(provider, simulator, emails, (engine, requests) => Parallel.ForEachAsync(
            requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, token) => await engine.EnrichAsync(request, token)));

        var perThousand = bulk * 1000.0 / emails.Length;
        Console.WriteLine(FormattableString.Invariant($"{provider,-15} | {bulk,10} | {single,16} | {perThousand,20:F1} | <= {target}"));
        return perThousand <= target;
    }

    private static async Task<int> CountCallsAsync(
        string provider, ProviderSimulator simulator, string[] emails, Func<EnrichmentEngine, EnrichmentRequest[], Task> run)
    {
        var database = Path.Combine(Path.GetTempPath(), $"tributary-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using (var services = EngineServices(provider, simulator, database))
            {
                var normalizer = services.GetRequiredService<IdentifierNormalizer>();
                var requests = emails
                    .Select(email => new EnrichmentRequest(normalizer.Normalize(new RawIdentifiers(email))) { IsBatch = true, Mode = EnrichmentMode.Parallel, Providers = [provider] })
                    .ToArray();
                simulator.Calls.Reset();
                await run(services.GetRequiredService<EnrichmentEngine>(), requests);
                return simulator.Calls.Total - simulator.Calls["/authenticate"];
            }
        }
        finally
        {
            File.Delete(database);
        }
    }

    private static ServiceProvider EngineServices(string provider, ProviderSimulator simulator, string database)
    {
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={database}" };
        var section = provider switch
        {
            "peopledatalabs" => "PeopleDataLabs",
            "apollo" => "Apollo",
            _ => "ZoomInfo",
        };
        settings[$"Providers:{section}:RateLimit:PerMinute"] = "1000000";
        settings[$"Providers:{section}:TimeoutMs"] = "5000";
        switch (simulator)
        {
            case PeopleDataLabsSimulator pdl:
                settings["Providers:PeopleDataLabs:ApiKey"] = pdl.ApiKey;
                settings["Providers:PeopleDataLabs:BaseUrl"] = pdl.BaseUrl + "/v5";
                break;
            case ApolloSimulator apollo:
                settings["Providers:Apollo:ApiKey"] = apollo.ApiKey;
                settings["Providers:Apollo:BaseUrl"] = apollo.BaseUrl + "/api/v1";
                break;
            case ZoomInfoSimulator zoominfo:
                settings["Providers:ZoomInfo:Username"] = zoominfo.Username;
                settings["Providers:ZoomInfo:Password"] = zoominfo.Password;
                settings["Providers:ZoomInfo:BaseUrl"] = zoominfo.BaseUrl;
                break;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        var tributary = services.AddTributary(configuration);
        _ = provider switch
        {
            "peopledatalabs" => tributary.AddPeopleDataLabs(),
            "apollo" => tributary.AddApollo(),
            _ => tributary.AddZoomInfo(),
        };
        tributary.UseStorage();
        return services.BuildServiceProvider();
    }
}
