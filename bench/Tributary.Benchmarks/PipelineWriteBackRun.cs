using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tributary.Simulators;

namespace Tributary.Benchmarks;

/// <summary>
/// The CRM pipeline end to end, as a user runs it: N blank contacts in the HubSpot simulator (100 ms per call, its
/// 190-per-10-s limit enforced), staged with <c>tributary stage</c>, then <c>tributary worker --once</c> in a child
/// process reading them, enriching them at People Data Labs and ZoomInfo (50 ms, bulk endpoints) and writing back.
/// Prints the HubSpot read and update calls, 429s, the achieved HubSpot call rate against its limit, contacts per
/// second, and the worker's CPU per contact: in all for a cold process, and once warm (a second worker over three times
/// as many contacts, less the first one's CPU).
/// Only bulk providers are enabled: Clearbit (600 per minute, one contact per call) would otherwise be the binding
/// limit instead of HubSpot. Usage: pipeline-writeback [contacts=10000].
/// </summary>
internal static class PipelineWriteBackRun
{
    private const double HubSpotLimitPerWindow = 190;

    public static async Task<int> RunAsync(string[] args)
    {
        var contacts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var longer = contacts * 3;
        await using var sandbox = await SandboxSimulators.StartAsync();
        var directory = Directory.CreateTempSubdirectory("tributary-pipeline-").FullName;
        try
        {
            Console.WriteLine(FormattableString.Invariant($"pipeline-writeback: {contacts:N0} blank HubSpot contacts (then {longer:N0} more in a second worker); HubSpot 100 ms, 190 per 10 s enforced; PDL + ZoomInfo 50 ms"));
            sandbox.HubSpot.Faults.LatencyMs = 100;
            sandbox.HubSpot.Faults.TenSecondlyLimit = 190;
            foreach (var provider in new ProviderSimulator[] { sandbox.PeopleDataLabs, sandbox.ZoomInfo })
            {
                provider.Faults.LatencyMs = 50;
                provider.Faults.PerMinuteLimit = 100_000_000;
            }

            var run = await StageAndRunAsync(sandbox, directory, contacts);
            if (run is null)
            {
                return 1;
            }

            var (reads, updates, throttled) = (run.Reads, run.Updates, run.Throttled);
            var seconds = run.Elapsed.TotalSeconds;

            // A second cold worker over three times as many: both hold the same start-up and JIT warm-up, so the
            // difference over the extra contacts is what a contact costs a worker that keeps running (as `serve`'s does).
            // It starts once HubSpot's window holds none of the first worker's calls, so it has the whole budget.
            await Task.Delay(TimeSpan.FromSeconds(10.5));
            var second = await StageAndRunAsync(sandbox, directory, longer);
            if (second is null)
            {
                return 1;
            }

            // The fastest the limit allows: 190 calls in any 10 s, so call 191 waits for the first window to pass, and
            // the last call still takes its latency. Measured two ways: over the worker's whole run (its start and
            // first claim included), and from HubSpot's first call to its last (how fully the CRM's budget is used).
            var windows = Windows(reads + updates);
            var floor = windows * 10 + 0.1;
            var warm = (second.Cpu - run.Cpu).TotalMilliseconds / (longer - contacts);
            Console.WriteLine(FormattableString.Invariant($"worker run          {seconds,8:F2} s   {contacts / seconds,8:N0} contacts/s   {run.Written:N0} contacts written back"));
            Console.WriteLine(FormattableString.Invariant($"HubSpot calls       {reads} batch reads (target <= {contacts / 100 + 1}), {updates} batch updates (target <= {contacts / 100 + 1}), {throttled} x 429 (target 0)"));
            Console.WriteLine(FormattableString.Invariant($"HubSpot rate        {(reads + updates) / seconds,8:F2} calls/s; the limit allows this run in {floor:F2} s: {floor / seconds:F3} x the binding limit over the worker's run"));
            Console.WriteLine(FormattableString.Invariant($"HubSpot calling     {run.Calling,8:F2} s from the first call to the last; the limit allows {windows * 10:F0} s: {windows * 10 / run.Calling:F3} x the binding limit (target >= 0.97)"));
            var longerWindows = Windows(second.Reads + second.Updates);
            Console.WriteLine(FormattableString.Invariant($"second worker       {second.Reads} reads, {second.Updates} updates, {second.Throttled} x 429 in {second.Calling:F2} s from the first call to the last; the limit allows {longerWindows * 10:F0} s: {longerWindows * 10 / second.Calling:F3} x the binding limit"));
            Console.WriteLine(FormattableString.Invariant($"worker CPU          {run.Cpu.TotalSeconds:F2} s for {contacts:N0} = {run.Cpu.TotalMilliseconds / contacts:F3} ms per contact in a cold process (target <= 0.3); {second.Cpu.TotalSeconds:F2} s for {longer:N0}: {warm:F3} ms per contact past the first {contacts:N0}"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Windows of 10 s that must pass before the last of <paramref name="calls"/> may go.</summary>
    private static double Windows(int calls) => Math.Ceiling(calls / HubSpotLimitPerWindow) - 1;

    /// <summary>Creates and stages <paramref name="contacts"/> new contacts, then runs one worker over them with the counts reset.</summary>
    private static async Task<WorkerRun?> StageAndRunAsync(SandboxSimulators sandbox, string directory, int contacts)
    {
        var csv = new StringBuilder("source,crmId\n");
        foreach (var id in sandbox.HubSpot.CreateContacts(contacts, blank: true))
        {
            csv.Append("hubspot,").Append(id).Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "contacts.csv"), csv.ToString());
        var staged = await RunChildAsync(sandbox, directory, "stage", "contacts.csv");
        sandbox.HubSpot.Calls.Reset();
        sandbox.HubSpot.Statuses.Reset();
        var writesBefore = sandbox.HubSpot.Writes.Count;
        var run = await RunChildAsync(sandbox, directory, "worker", "--once");
        if (staged.ExitCode != 0 || run.ExitCode != 0)
        {
            Console.WriteLine($"a child failed: stage {staged.ExitCode}, run {run.ExitCode}");
            return null;
        }

        return new WorkerRun(
            run.Elapsed,
            run.Cpu,
            sandbox.HubSpot.Writes.Skip(writesBefore).SelectMany(w => w.Ids).Distinct().Count(),
            sandbox.HubSpot.Calls["/crm/v3/objects/contacts/batch/read"],
            sandbox.HubSpot.Calls["/crm/v3/objects/contacts/batch/update"],
            sandbox.HubSpot.Statuses["429"],
            (sandbox.HubSpot.Calls.LastAt - sandbox.HubSpot.Calls.FirstAt)?.TotalSeconds ?? 0);
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan Cpu, int ExitCode)> RunChildAsync(SandboxSimulators sandbox, string directory, params string[] verb)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tributary.dll"));
        foreach (var arg in verb)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Providers__PeopleDataLabs__ApiKey"] = sandbox.Options.PeopleDataLabsApiKey;
        info.Environment["Providers__PeopleDataLabs__BaseUrl"] = sandbox.PeopleDataLabs.BaseUrl + "/v5";
        info.Environment["Providers__PeopleDataLabs__RateLimit__PerMinute"] = "1000000";
        info.Environment["Providers__ZoomInfo__Username"] = sandbox.Options.ZoomInfoUsername;
        info.Environment["Providers__ZoomInfo__Password"] = sandbox.Options.ZoomInfoPassword;
        info.Environment["Providers__ZoomInfo__BaseUrl"] = sandbox.ZoomInfo.BaseUrl;
        info.Environment["Providers__ZoomInfo__RateLimit__PerMinute"] = "1000000";
        info.Environment["Providers__ZoomInfo__RateLimit__PerSecond"] = "100000";
        info.Environment["HubSpot__AccessToken"] = sandbox.HubSpot.AccessToken;
        info.Environment["HubSpot__BaseUrl"] = sandbox.HubSpot.BaseUrl;
        info.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(directory, "tributary.db")}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        var cpuBefore = ChildCpu.Total();
        var started = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = started.Elapsed;
        var cpu = ChildCpu.Total() - cpuBefore;
        if (process.ExitCode != 0)
        {
            Console.WriteLine(await output);
            Console.WriteLine(await errors);
        }

        return (elapsed, cpu, process.ExitCode);
    }

    /// <summary>One worker's run: its time and CPU, the contacts it wrote back, and HubSpot's counts over it.</summary>
    private sealed record WorkerRun(TimeSpan Elapsed, TimeSpan Cpu, int Written, int Reads, int Updates, int Throttled, double Calling);
}
