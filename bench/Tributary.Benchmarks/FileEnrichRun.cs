using System.Diagnostics;
using System.Globalization;
using Tributary.Simulators;

namespace Tributary.Benchmarks;

/// <summary>
/// <c>tributary enrich</c> end to end, as a user runs it: the real executable in a child process, a generated CSV of
/// distinct subjects, Clearbit and ZoomInfo simulators answering with no added latency and no enforced limit (the
/// engine's own rate budget set out of the way). Prints rows/s and the child's peak RSS for a cold run (every lookup
/// a provider call) and a rerun (every lookup from the ledger: what resuming costs).
/// Usage: file-enrich [rows=100000] [concurrency=8].
/// </summary>
internal static class FileEnrichRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;

        await using var sandbox = await SandboxSimulators.StartAsync();
        foreach (var simulator in sandbox.All)
        {
            // Enforced far above the run's rate, so the advertised headers do not pace the engine either.
            simulator.Faults.PerMinuteLimit = 100_000_000;
        }

        var directory = Directory.CreateTempSubdirectory("tributary-file-enrich-").FullName;
        try
        {
            var input = BenchFiles.WriteContacts(Path.Combine(directory, "contacts.csv"), rows);
            Console.WriteLine(FormattableString.Invariant($"file-enrich: {rows:N0} rows ({new FileInfo(input).Length / 1024.0 / 1024.0:F1} MB), concurrency {concurrency}, clearbit + zoominfo at 0 ms"));

            foreach (var pass in new[] { "cold (provider calls)", "rerun (from the ledger)" })
            {
                sandbox.Reset();
                foreach (var simulator in sandbox.All)
                {
                    simulator.Faults.PerMinuteLimit = 100_000_000;
                }

                var (elapsed, cpu, peakMb, exitCode) = await RunChildAsync(sandbox, directory, concurrency);
                var calls = sandbox.Clearbit.Calls["/v2/combined/find"] + sandbox.ZoomInfo.Calls["/enrich/contact"];
                Console.WriteLine(FormattableString.Invariant(
                    $"{pass,-24} exit {exitCode}  {elapsed.TotalSeconds,7:F1} s  {rows / elapsed.TotalSeconds,8:N0} rows/s  CPU {cpu.TotalMilliseconds / rows,6:F3} ms per row  peak RSS {peakMb,6:F0} MB  provider HTTP calls {calls:N0}"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs <c>tributary enrich</c> once; its CPU (user + system) is that of this process's children across the run.</summary>
    private static async Task<(TimeSpan Elapsed, TimeSpan Cpu, double PeakMb, int ExitCode)> RunChildAsync(SandboxSimulators sandbox, string directory, int concurrency)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tributary.dll"), "enrich", "contacts.csv", "--out", "enriched.csv", "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Providers__Clearbit__ApiKey"] = sandbox.Options.ClearbitApiKey;
        info.Environment["Providers__Clearbit__BaseUrl"] = sandbox.Clearbit.BaseUrl;
        info.Environment["Providers__Clearbit__RateLimit__PerMinute"] = "1000000";
        info.Environment["Providers__ZoomInfo__Username"] = sandbox.Options.ZoomInfoUsername;
        info.Environment["Providers__ZoomInfo__Password"] = sandbox.Options.ZoomInfoPassword;
        info.Environment["Providers__ZoomInfo__BaseUrl"] = sandbox.ZoomInfo.BaseUrl;
        info.Environment["Providers__ZoomInfo__RateLimit__PerMinute"] = "1000000";
        info.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(directory, "tributary.db")}";

        var cpuBefore = ChildCpu.Total();
        var started = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var memory = new PeakMemory();
        var watching = memory.WatchAsync(process);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = started.Elapsed;
        var cpu = ChildCpu.Total() - cpuBefore;
        await watching;
        if (process.ExitCode != 0)
        {
            Console.WriteLine(await output);
            Console.WriteLine(await errors);
        }

        return (elapsed, cpu, memory.PeakMegabytes, process.ExitCode);
    }
}
