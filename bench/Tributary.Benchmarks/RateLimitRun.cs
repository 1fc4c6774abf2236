using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tributary.Connectors.Clearbit;
using Tributary.Host.Batch;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;
using Tributary.Host.Identity;
using Tributary.Providers;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.Benchmarks;

/// <summary>
/// Back-pressure under a provider's rate limit: Clearbit's simulator enforces R requests per fixed minute (answering
/// 429 beyond), the engine is configured with the same R (<c>Providers:Clearbit:RateLimit:PerMinute</c>), and a file
/// far larger than the run can finish is enriched as batch work for the given number of minutes. Every response on
/// the wire (retries included) is counted by status below the engine's rate gate. Target: accepted ≥ 0.97 × R per
/// minute, zero 429s, no failed row.
/// Usage: rate-limit [perMinute=600] [minutes=2] [concurrency=8] [configuredPerMinute=perMinute] (what the engine is
/// told, to try a margin under the provider's limit).
/// </summary>
internal static class RateLimitRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var perMinute = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
        var minutes = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var configured = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : perMinute;

        await using var clearbit = new ClearbitSimulator();
        await clearbit.StartAsync();
        clearbit.Faults.PerMinuteLimit = perMinute;

        var directory = Directory.CreateTempSubdirectory("tributary-rate-limit-").FullName;
        try
        {
            var rows = (int)(perMinute * minutes * 3);
            var input = BenchFiles.WriteContacts(Path.Combine(directory, "contacts.csv"), rows);
            var statuses = new StatusCounts();
            await using var services = Services(clearbit, configured, directory, statuses);

            var request = new FileEnrichmentRequest(
                input, InputFormat.Csv, Path.Combine(directory, "enriched.csv"), OutputFormat.Csv, Path.Combine(directory, "rejects.csv"), [], null, null, concurrency);
            var (source, map) = FileEnrichmentRun.Open(request);
            var run = new FileEnrichmentRun(
                request,
                ActivatorUtilities.CreateInstance<EnrichmentPump>(services),
                FlatFields.StandardOnly,
                services.GetRequiredService<AnswerLinker>(),
                services.GetRequiredService<IRunStore>(),
                ActivatorUtilities.CreateInstance<CreditTotals>(services),
                services.GetRequiredService<ProviderApiVersions>(),
                TimeProvider.System,
                NullLogger.Instance);

            Console.WriteLine(FormattableString.Invariant(
                $"rate-limit: clearbit limited to {perMinute}/min (enforced), engine told {configured}/min; {rows:N0}-row file, {minutes} min, concurrency {concurrency}"));
            var wall = Stopwatch.StartNew();
            using (source)
            using (var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes)))
            {
                var progress = ReportEachMinuteAsync(statuses, wall, stop.Token);
                try
                {
                    await run.RunAsync(source, map, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // The run is stopped on purpose: the file is larger than the window.
                }

                await progress;
            }

            var elapsedMinutes = wall.Elapsed.TotalMinutes;
            var accepted = statuses.Accepted;
            Console.WriteLine(FormattableString.Invariant(
                $"accepted {accepted:N0} in {elapsedMinutes:F2} min = {accepted / elapsedMinutes:F1}/min ({accepted / elapsedMinutes / perMinute:P1} of R; target >= 97 %)"));
            Console.WriteLine(FormattableString.Invariant($"429 answers: {statuses.TooManyRequests}; other statuses: {statuses.Other}; transport failures: {statuses.Failures}"));
            Console.WriteLine(FormattableString.Invariant(
                $"rows written {run.Counters.Rows:N0}: matched {run.Counters.Matched:N0}, unmatched {run.Counters.Unmatched:N0}, failed {run.Counters.Failed:N0}"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task ReportEachMinuteAsync(StatusCounts statuses, Stopwatch wall, CancellationToken stop)
    {
        var last = 0L;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), stop);
                var accepted = statuses.Accepted;
                Console.WriteLine(FormattableString.Invariant($"  minute {wall.Elapsed.TotalMinutes:F1}: accepted {accepted - last}, 429s so far {statuses.TooManyRequests}"));
                last = accepted;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static ServiceProvider Services(ClearbitSimulator clearbit, int perMinute, string directory, StatusCounts statuses)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Clearbit:ApiKey"] = clearbit.ApiKey,
            ["Providers:Clearbit:BaseUrl"] = clearbit.BaseUrl,
            ["Providers:Clearbit:RateLimit:PerMinute"] = perMinute.ToString(CultureInfo.InvariantCulture),
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "tributary.db")}",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFlatContract().AddIdentity();
        services.AddTributary(configuration).AddClearbit().UseStorage();

        // Innermost, below the rate gate and the retries: sees every response the provider actually sent.
        services.AddHttpClient(ClearbitConnector.ProviderName).AddHttpMessageHandler(() => new CountingHandler(statuses));
        return services.BuildServiceProvider();
    }

    private sealed class StatusCounts
    {
        private long _accepted;
        private long _tooMany;
        private long _other;
        private long _failures;

        public long Accepted => Interlocked.Read(ref _accepted);

        public long TooManyRequests => Interlocked.Read(ref _tooMany);

        public long Other => Interlocked.Read(ref _other);

        public long Failures => Interlocked.Read(ref _failures);

        public void Count(HttpStatusCode status)
        {
            if (status == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _tooMany);
            }
            else if (status is HttpStatusCode.OK or HttpStatusCode.NotFound)
            {
                Interlocked.Increment(ref _accepted);
            }
            else
            {
                Interlocked.Increment(ref _other);
            }
        }

        public void Failed() => Interlocked.Increment(ref _failures);
    }

    private sealed class CountingHandler(StatusCounts statuses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                statuses.Count(response.StatusCode);
                return response;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                statuses.Failed();
                throw;
            }
        }
    }
}
