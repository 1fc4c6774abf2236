using System.CommandLine;
using Tributary.Simulators;

namespace Tributary.Host.Cli;

/// <summary><c>tributary sandbox</c>: the provider simulators alone, for pointing other tools at them.</summary>
internal static class SandboxCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("sandbox", "Run the provider simulators on loopback and print their URLs; Ctrl+C stops them.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulatorOptions();
            await using var simulators = await SandboxSimulators.StartAsync(options, cancellationToken);
            await output.WriteLineAsync($"clearbit  {simulators.Clearbit.BaseUrl}  (key {options.ClearbitApiKey})");
            await output.WriteLineAsync($"zoominfo  {simulators.ZoomInfo.BaseUrl}  (username {options.ZoomInfoUsername}, password {options.ZoomInfoPassword})");
            await output.WriteLineAsync("Faults: POST {url}/__sim/faults; calls: GET {url}/__sim/calls. Press Ctrl+C to stop.");
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
}
