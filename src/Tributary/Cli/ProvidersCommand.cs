using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tributary.Providers;

namespace Tributary.Host.Cli;

/// <summary><c>tributary providers</c>: what is configured, and each provider's health, circuit and budget.</summary>
internal static class ProvidersCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("providers", "List configured providers: enabled, circuit state, rate-limit budget.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await CliHost.StartAsync([], cancellationToken);
            var reports = host.Services.GetRequiredService<ProviderCatalog>().All.Select(ProviderReport.Of).ToArray();
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize<IReadOnlyList<ProviderReport>>(reports, CliJson.Indented.IReadOnlyListProviderReport));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Provider", "Enabled", "Priority", "Circuit", "Budget (tokens / per minute)", "Paused until", "Cost per call");
            foreach (var r in reports)
            {
                table.AddRow(r.Name, r.Enabled ? "yes" : "no", r.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Circuit,
                    $"{r.TokensAvailable} / {r.PerMinute}", r.PausedUntil?.ToString("u") ?? "-", r.CostPerCall.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>One provider as <c>tributary providers</c> shows it.</summary>
internal sealed record ProviderReport(
    string Name, bool Enabled, int Priority, string Circuit, long TokensAvailable, int PerMinute, DateTimeOffset? PausedUntil, decimal CostPerCall)
{
    public static ProviderReport Of(ProviderEntry entry) => new(
        entry.Name,
        entry.Runtime.IsEnabled,
        entry.Runtime.Options.Priority,
        entry.Runtime.CircuitState,
        entry.Runtime.Gate.Available,
        entry.Runtime.Gate.PerMinute,
        entry.Runtime.Gate.PausedUntil,
        entry.Runtime.Options.CostPerCall);
}
