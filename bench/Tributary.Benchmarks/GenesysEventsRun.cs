using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.Gateway;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.Benchmarks;

/// <summary>
/// <c>/webhooks/genesys</c> under a steady stream of <c>customer.start</c> events: the real gateway in sandbox mode,
/// providers answering in 50 ms, every caller a different sample person (every lookup a provider call). Events are
/// sent open-loop at R per second; prints the acknowledgement latency and, from the Genesys simulator's record of
/// writes, the time from an event's send to its participant attributes written.
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
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var people = SampleDataset.Create().People;
        var total = rate * seconds;
        var sentAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var acks = new double[total];
        var failures = 0;
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
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
                var body = $$$$"""{"id":"bench-{{{{index}}}}","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND","conversationId":"{{{{conversation}}}}","participantId":"p-{{{{index}}}}","ani":"tel:{{{{people[index % people.Count].Phone}}}}"}}}""";
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Webhook-Secret", "genesys-sandbox-secret");
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
        var deadline = Stopwatch.StartNew();
        while (sandbox.Genesys.AttributeWrites.Count < total && deadline.Elapsed < TimeSpan.FromSeconds(60))
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
        Console.WriteLine(FormattableString.Invariant(
            $"attributes    {endToEnd.Length:N0} of {total:N0} written; event to attributes p50 {At(endToEnd, 0.5):F0} ms  p95 {At(endToEnd, 0.95):F0} ms  p99 {At(endToEnd, 0.99):F0} ms  (target p95 <= 800 + 50 ms)"));
        await app.StopAsync();
        File.Delete(database);
        return 0;
    }

    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
