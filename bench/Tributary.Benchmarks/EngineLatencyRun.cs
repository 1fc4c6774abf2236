using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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
/// End-to-end engine overhead. Both simulators answer after a fixed latency; every lookup is a new subject (no cache).
/// First the baseline: for each subject, both providers are called directly over HTTP in parallel and the slower
/// answer is timed. Then the same number of new subjects go through the engine (connectors, HTTP pipeline, rate gate,
/// SQLite ledger, merge). Target: engine p50 ≤ 1.03 × baseline p50.
/// Usage: engine-latency [requests=1000] [concurrency=1] [latencyMs=50].
/// </summary>
internal static class EngineLatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var latencyMs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;

        await using var clearbit = new ClearbitSimulator();
        await using var zoominfo = new ZoomInfoSimulator();
        await Task.WhenAll(clearbit.StartAsync(), zoominfo.StartAsync());
        foreach (var simulator in new ProviderSimulator[] { clearbit, zoominfo })
        {
            // A limit far above the run's rate, so the run measures latency, not the rate limiter.
            simulator.Faults.LatencyMs = latencyMs;
            simulator.Faults.PerMinuteLimit = 10_000_000;
        }

        var people = SampleDataset.Create().People;
        var baseline = await MeasureAsync(requests, concurrency, DirectCalls(clearbit, zoominfo, people));

        var database = Path.Combine(Path.GetTempPath(), $"tributary-bench-{Guid.NewGuid():N}.db");
        await using var services = EngineServices(clearbit, zoominfo, database);
        var engine = services.GetRequiredService<EnrichmentEngine>();
        var normalizer = services.GetRequiredService<IdentifierNormalizer>();
        for (var i = 0; i < 50; i++)
        {
            await engine.EnrichAsync(new EnrichmentRequest(normalizer.Normalize(new RawIdentifiers($"warmup{i}@warmup-{i}.io"))), CancellationToken.None);
        }

        var engineRun = await MeasureAsync(requests, concurrency, async i =>
        {
            // Subjects the baseline did not use, so nothing comes from the cache.
            var email = people[(people.Count / 2) + (i % (people.Count / 2))].Email;
            await engine.EnrichAsync(new EnrichmentRequest(normalizer.Normalize(new RawIdentifiers(i < people.Count / 2 ? email : $"p{i}@bench-{i}.io"))), CancellationToken.None);
        });

        Console.WriteLine($"engine-latency: {requests} uncached lookups per phase, {concurrency} concurrent, both providers at {latencyMs} ms");
        Console.WriteLine($"baseline (slower of two direct HTTP calls): {baseline}");
        Console.WriteLine($"engine (parallel mode, two providers):      {engineRun}");
        Console.WriteLine(FormattableString.Invariant($"engine p50 / slowest provider p50 = {engineRun.P50 / baseline.P50:F3} (target <= 1.03)"));
        File.Delete(database);
        return 0;
    }

    private static Func<int, Task> DirectCalls(ClearbitSimulator clearbit, ZoomInfoSimulator zoominfo, IReadOnlyList<SamplePerson> people)
    {
        var client = new HttpClient();
        string? jwt = null;
        return async i =>
        {
            var email = people[i % (people.Count / 2)].Email;
            jwt ??= await AuthenticateAsync(client, zoominfo);
            using var person = new HttpRequestMessage(HttpMethod.Get, $"{clearbit.BaseUrl}/v2/combined/find?email={Uri.EscapeDataString(email)}");
            person.Headers.Authorization = new AuthenticationHeaderValue("Bearer", clearbit.ApiKey);
            using var contact = new HttpRequestMessage(HttpMethod.Post, $"{zoominfo.BaseUrl}/enrich/contact")
            {
                Content = JsonContent.Create(new { matchPersonInput = new[] { new { emailAddress = email } }, outputFields = new[] { "id", "firstName", "lastName", "jobTitle" } }),
            };
            contact.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
            await Task.WhenAll(ReadAsync(client, person), ReadAsync(client, contact));
        };
    }

    private static async Task ReadAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> AuthenticateAsync(HttpClient client, ZoomInfoSimulator zoominfo)
    {
        using var response = await client.PostAsJsonAsync($"{zoominfo.BaseUrl}/authenticate", new { username = zoominfo.Username, password = zoominfo.Password });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("jwt").GetString()!;
    }

    private static ServiceProvider EngineServices(ClearbitSimulator clearbit, ZoomInfoSimulator zoominfo, string database)
    {
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
        return services.BuildServiceProvider();
    }

    private static async Task<Percentiles> MeasureAsync(int requests, int concurrency, Func<int, Task> call)
    {
        for (var i = 0; i < 20; i++)
        {
            await call(requests + i);
        }

        var latencies = new double[requests];
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        return Percentiles.Of(latencies, wall.Elapsed);
    }

    private readonly record struct Percentiles(double P50, double P90, double P99, double Max, double PerSecond)
    {
        public static Percentiles Of(double[] latencies, TimeSpan wall)
        {
            Array.Sort(latencies);
            double At(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
            return new Percentiles(At(0.50), At(0.90), At(0.99), latencies[^1], latencies.Length / wall.TotalSeconds);
        }

        public override string ToString() =>
            FormattableString.Invariant($"p50 {P50:F2} ms  p90 {P90:F2} ms  p99 {P99:F2} ms  max {Max:F2} ms  ({PerSecond:F0}/s)");
    }
}
