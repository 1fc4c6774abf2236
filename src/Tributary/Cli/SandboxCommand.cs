using System.CommandLine;
using Tributary.Host.Hosting;
using Tributary.Simulators;

namespace Tributary.Host.Cli;

/// <summary><c>tributary sandbox</c>: the provider simulators alone, for pointing other tools (or a gateway) at them.</summary>
internal static class SandboxCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command(
            "sandbox",
            "Run the provider, CRM and contact-center simulators on loopback and print each one's name, base URL (as Providers:<Name>:BaseUrl or <System>:BaseUrl takes it) and credentials; Ctrl+C stops them.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var simulators = await SandboxSimulators.StartAsync(new SimulatorOptions(), cancellationToken);
            var sandboxes = new ServiceCollection().AddTributaryHost(new ConfigurationBuilder().Build()).Sandboxes;
            var wired = SandboxMode.Wire(simulators, sandboxes).ToArray();
            var width = wired.Max(w => BaseUrl(w.Settings).Length);
            foreach (var (provider, settings) in wired)
            {
                var credentials = settings.Where(s => !IsBaseUrl(s.Key)).Select(s => $"{s.Key[(s.Key.LastIndexOf(':') + 1)..]}={s.Value}");
                await output.WriteLineAsync($"{provider,-15} {BaseUrl(settings).PadRight(width)}  {string.Join(' ', credentials)}");
            }

            await output.WriteLineAsync("Faults: POST {root}/__sim/faults; calls: GET {root}/__sim/calls (root: the URL without its version path). Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Salesforce's simulator is reached through its login URL (the REST host comes from the token), the others by a base URL.
    private static bool IsBaseUrl(string key) =>
        key.EndsWith(":BaseUrl", StringComparison.OrdinalIgnoreCase) || key.EndsWith(":LoginUrl", StringComparison.OrdinalIgnoreCase);

    private static string BaseUrl(IReadOnlyDictionary<string, string?> settings) =>
        settings.Where(s => IsBaseUrl(s.Key)).OrderBy(s => s.Key.EndsWith(":BaseUrl", StringComparison.OrdinalIgnoreCase) ? 0 : 1).First().Value ?? "";
}
