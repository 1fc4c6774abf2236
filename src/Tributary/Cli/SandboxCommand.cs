using System.CommandLine;
using Tributary.Simulators;

namespace Tributary.Host.Cli;

/// <summary><c>tributary sandbox</c>: the provider simulators alone, for pointing other tools (or a gateway) at them.</summary>
internal static class SandboxCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command(
            "sandbox",
            "Run the provider simulators on loopback and print each one's name, base URL (as Providers:<Name>:BaseUrl takes it) and credentials; Ctrl+C stops them.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulatorOptions();
            await using var simulators = await SandboxSimulators.StartAsync(options, cancellationToken);
            var width = simulators.ConnectorBaseUrls.Max(s => s.Value.Length);
            foreach (var (name, baseUrl) in simulators.ConnectorBaseUrls)
            {
                await output.WriteLineAsync($"{name,-15} {baseUrl.PadRight(width)}  {Credentials(name, options)}");
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

    private static string Credentials(string provider, SimulatorOptions options) => provider switch
    {
        "clearbit" => $"ApiKey={options.ClearbitApiKey}",
        "zoominfo" => $"Username={options.ZoomInfoUsername} Password={options.ZoomInfoPassword}",
        "apollo" => $"ApiKey={options.ApolloApiKey}",
        "hunter" => $"ApiKey={options.HunterApiKey}",
        "peopledatalabs" => $"ApiKey={options.PeopleDataLabsApiKey}",
        _ => string.Empty,
    };
}
