using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;
using Tributary.Storage;

namespace Tributary.Benchmarks;

/// <summary>
/// End-to-end engine overhead: both simulators answer after 50 ms; every lookup is a new subject (no cache), through
/// the real connectors, HTTP pipeline, SQLite ledger and merge. Reports p50/p99 against the slowest provider's latency
/// (target: p50 ≤ 1.03 × 50 ms). Usage: engine-latency [requests=2000] [concurrency=16] [latencyMs=50].
/// </summary>
internal static class EngineLatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var latencyMs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;

        await using var clearbit = new ClearbitSimulator();
        await using var zoominfo = new ZoomInfoSimulator();
        await Task.WhenAll(clearbit.StartAsync(), zoominfo.StartAsync());
        clearbit.Faults.LatencyMs = latencyMs;
        zoominfo.Faults.LatencyMs = latencyMs;

        var database = Path.Combine(Path.GetTempPath(), $"tributary-bench-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Clearbit:ApiKey"] = clearbit.ApiKey,
            ["Providers:Clearbit:BaseUrl"] = clearbit.BaseUrl,
            ["Providers:Clearbit:RateLimit:PerMinute"] = "1000000",
            ["Providers:ZoomInfo:Username"] = zoominfo.Username,
            ["Providers:ZoomInfo:Password"] = zoominfo.Password,
            ["Providers:ZoomInfo:BaseUrl"] = zoominfo.BaseUrl,
            ["Providers:ZoomInfo:RateLimit:PerMinute"] = "1000000",
            ["Storage:ConnectionString"] = $"Data Source={database}",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTributary(configuration).AddClearbit().AddZoomInfo().UseStorage();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<EnrichmentEngine>();
        var normalizer = provider.GetRequiredService<IdentifierNormalizer>();
        var people = SampleDataset.Create().People;

        // Warm-up: JIT, connection pools, the ZoomInfo token, the SQLite schema.
        for (var i = 0; i < 50; i++)
        {
            await engine.EnrichAsync(new EnrichmentRequest(normalizer.Normalize(new RawIdentifiers($"warmup{i}@warmup-{i}.io"))), CancellationToken.None);
        }

        var latencies = new double[requests];
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                // Unique subjects: sample people first, then made-up addresses, so nothing is served from the cache.
                var email = i < people.Count ? people[i].Email : $"person{i}@bench-{i % 97}.io";
                var started = Stopwatch.GetTimestamp();
                var result = await engine.EnrichAsync(new EnrichmentRequest(normalizer.Normalize(new RawIdentifiers(email))), CancellationToken.None);
                foreach (var outcome in result.Outcomes)
                {
                    statuses.AddOrUpdate($"{outcome.Provider}:{outcome.Status.ToWire()}", 1, (_, n) => n + 1);
                    if (outcome.Latency.TotalMilliseconds > 90)
                    {
                        statuses.AddOrUpdate($"{outcome.Provider}:slow", 1, (_, n) => n + 1);
                    }
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        wall.Stop();

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var p50 = Percentile(0.50);
        Console.WriteLine($"engine-latency: {requests} uncached lookups, {concurrency} concurrent, providers at {latencyMs} ms");
        Console.WriteLine(FormattableString.Invariant($"p50 {p50:F2} ms  p90 {Percentile(0.90):F2} ms  p99 {Percentile(0.99):F2} ms  max {latencies[^1]:F2} ms  ({requests / wall.Elapsed.TotalSeconds:F0} lookups/s)"));
        Console.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")));
        Console.WriteLine(FormattableString.Invariant($"p50 / slowest provider = {p50 / latencyMs:F3} (target <= 1.03)"));
        File.Delete(database);
        return 0;
    }
}
