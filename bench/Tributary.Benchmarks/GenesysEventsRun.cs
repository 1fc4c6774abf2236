using System.Diagnostics.Metrics;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.ContactCenter;
using Tributary.Host.Gateway;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;
using Tributary.Storage;

namespace Tributary.Benchmarks;

/// <summary>
/// <c>/webhooks/genesys</c> under a steady stream of <c>customer.start</c> events: the real gateway in sandbox mode,
/// providers answering in 50 ms, every caller a different sample person (every lookup a provider call). Events are
/// sent open-loop at R per second; prints the acknowledgement latency and, from the Genesys simulator's record of
/// writes, the time from an event's send to its participant attributes written. Then <c>/v1/enrich</c> (new callers,
/// uncached) at 50 per second, 500 calls with the External Contacts queue idle and 500 while the worker drains 10,000
/// queued contact updates, in the same run after a warm-up.
/// Usage: genesys-events [perSecond=200] [seconds=15].
/// </summary>
internal static class GenesysEventsRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var database = Path.Combine(Path.GetTempPath(), $"tributary-genesys-{Guid.NewGuid():N}.db");
        await using var app = await GatewayApp.BuildAsync(
            [$"--Storage:ConnectionString=Data Source={database}", "--Logging:LogLevel:Default=Warning", "--Gateway:QuotaPerMinute=10000000", "--Sandbox:Warmup=false",
             "--Genesys:ExternalContacts:Enabled=true",
             .. new[] { "Clearbit", "ZoomInfo", "Apollo", "Hunter", "PeopleDataLabs" }.Select(p => $"--Providers:{p}:RateLimit:PerMinute=1000000")],
            "http://127.0.0.1:0",
            CancellationToken.None);
        var sandbox = app.Services.GetRequiredService<SandboxSimulators>();
        foreach (var simulator in sandbox.All)
        {
            simulator.Faults.PerMinuteLimit = 100_000_000;
            simulator.Faults.LatencyMs = simulator == sandbox.Genesys ? 0 : 50;
        }

        sandbox.Genesys.AcceptAnyConversation = true;

        // The server's own view of each acknowledgement (Kestrel's request duration for the route), next to the
        // sender's: the difference is time spent outside the request's handling (connection, scheduling in this process).
        var served = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "http.route" && tag.Value as string == "/webhooks/genesys")
                {
                    served.Add(seconds * 1000);
                }
            }
        });
        listener.Start();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var people = SampleDataset.Create().People;
        var total = rate * seconds;
        var sentAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var acks = new double[total];
        var failures = 0;
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        // A warm-up second of events (not measured): the first acknowledgements of a fresh process wait for the
        // webhook path to be compiled and the store's first connections to open, up to a few hundred milliseconds.
        await Task.WhenAll(Enumerable.Range(0, rate).Select(async i =>
        {
            await Task.Delay(interval * i);
            using var request = CustomerStart($"warm-{i}", $"warm-{i}", people[(total + i) % people.Count].Phone);
            using var response = await client.SendAsync(request);
        }));
        await Task.Delay(TimeSpan.FromSeconds(2));
        served.Clear();
        var warmWrites = sandbox.Genesys.AttributeWrites.Count;

        var clock = Stopwatch.StartNew();
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var sends = new List<Task>(total);
        Console.WriteLine(FormattableString.Invariant($"genesys-events: {total:N0} customer.start events at {rate}/s, providers at 50 ms, one new caller each"));
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            sends.Add(Task.Run(async () =>
            {
                var conversation = $"00000000-0000-4000-8000-{index:D12}";
                using var request = CustomerStart($"bench-{index}", conversation, people[index % people.Count].Phone);
                sentAt[conversation] = DateTimeOffset.UtcNow;
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                acks[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if ((int)response.StatusCode != 202)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        }

        await Task.WhenAll(sends);
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var collections = (GC.CollectionCount(0) - collectionsBefore.Item1, GC.CollectionCount(1) - collectionsBefore.Item2, GC.CollectionCount(2) - collectionsBefore.Item3);
        var deadline = Stopwatch.StartNew();
        while (sandbox.Genesys.AttributeWrites.Count - warmWrites < total && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        var endToEnd = sandbox.Genesys.AttributeWrites
            .Where(w => sentAt.ContainsKey(w.ConversationId))
            .Select(w => (w.At - sentAt[w.ConversationId]).TotalMilliseconds)
            .Order()
            .ToArray();
        Array.Sort(acks);
        Console.WriteLine(FormattableString.Invariant(
            $"acknowledged  p50 {At(acks, 0.5):F2} ms  p95 {At(acks, 0.95):F2} ms  p99 {At(acks, 0.99):F2} ms  (target p99 <= 5 ms); non-202: {failures}"));
        var server = served.Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"  in the server p50 {At(server, 0.5):F2} ms  p95 {At(server, 0.95):F2} ms  p99 {At(server, 0.99):F2} ms  ({server.Length:N0} requests, from Kestrel's request duration)"));
        Console.WriteLine(FormattableString.Invariant(
            $"  GC while sending: {paused.TotalMilliseconds:F0} ms paused in {collections.Item1} gen0 / {collections.Item2} gen1 / {collections.Item3} gen2 collections (the whole process: gateway, simulators, sender)"));
        Console.WriteLine(FormattableString.Invariant(
            $"attributes    {endToEnd.Length:N0} of {total:N0} written; event to attributes p50 {At(endToEnd, 0.5):F0} ms  p95 {At(endToEnd, 0.95):F0} ms  p99 {At(endToEnd, 0.99):F0} ms  (target p95 <= 800 + 50 ms)"));
        await EnrichP99Async(client, people, first: 2_200, count: 300);
        var idle = await EnrichP99Async(client, people, first: 2_500, count: 500);
        var queue = app.Services.GetRequiredService<IStagingQueue>();
        await queue.StageAsync(
            [.. Enumerable.Range(0, 10_000).Select(i => new StagedRecord(ContactUpdate.Source, $"bench-contact-{i}", new ContactUpdate($"+1415555{i:D4}", "Bench", $"Caller{i}", null, null).ToJson()))],
            CancellationToken.None);
        var queued = await queue.CountAsync([ContactUpdate.Source], CancellationToken.None);
        var busy = await EnrichP99Async(client, people, first: 3_000, count: 500);
        var stillQueued = await queue.CountAsync([ContactUpdate.Source], CancellationToken.None);
        Console.WriteLine(FormattableString.Invariant(
            $"/v1/enrich    p99 {idle:F1} ms with the External Contacts queue idle, {busy:F1} ms with it busy ({queued:N0} updates queued before, {stillQueued:N0} after): {busy / idle:F2} x (target 1 +- 0.10)"));
        await app.StopAsync();
        File.Delete(database);
        return 0;
    }

    /// <summary>A signed EventBridge delivery of an inbound call's <c>customer.start</c>, as the sandbox verifies it.</summary>
    private static HttpRequestMessage CustomerStart(string id, string conversation, string phone)
    {
        var body = $$$$"""{"id":"{{{{id}}}}","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND","conversationId":"{{{{conversation}}}}","participantId":"p-{{{{id}}}}","ani":"tel:{{{{phone}}}}"}}}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Webhook-Secret", "genesys-sandbox-secret");
        return request;
    }

    /// <summary>p99 of <paramref name="count"/> uncached <c>/v1/enrich</c> calls (sample people from <paramref name="first"/>) at 50 per second.</summary>
    private static async Task<double> EnrichP99Async(HttpClient client, IReadOnlyList<SamplePerson> people, int first, int count)
    {
        var latencies = new double[count];
        var clock = Stopwatch.StartNew();
        var calls = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromMilliseconds(20 * i);
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            calls.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/v1/enrich", new StringContent($$"""{"email":"{{people[(first + index) % people.Count].Email}}"}""", Encoding.UTF8, "application/json"));
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(calls);
        Array.Sort(latencies);
        return At(latencies, 0.99);
    }

    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
