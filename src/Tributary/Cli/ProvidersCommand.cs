using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tributary.Credits;
using Tributary.Providers;

namespace Tributary.Host.Cli;

/// <summary><c>tributary providers</c>: what is configured, and each provider's health, circuit and budget.</summary>
internal static class ProvidersCommand
{
    /// <param name="output">Where the report goes.</param>
    /// <param name="settings">Configuration from the command line (<see cref="CommandLineSettings"/>).</param>
    public static Command Create(TextWriter output, string[] settings)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("providers", "List configured providers: enabled, circuit state, rate-limit budget.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await CliHost.StartAsync(settings, cancellationToken);
            var credits = host.Services.GetRequiredService<CreditMeter>();
            var reports = new List<ProviderReport>();
            foreach (var entry in host.Services.GetRequiredService<ProviderCatalog>().All)
            {
                reports.Add(ProviderReport.Of(entry, await credits.SpendAsync(entry.Name, cancellationToken)));
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize<IReadOnlyList<ProviderReport>>(reports, CliJson.Indented.IReadOnlyListProviderReport));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Provider", "On", "Priority", "Circuit", "Tokens", "Paused until", "Cost", "Today", "Total", "Daily cap");
            foreach (var r in reports)
            {
                table.AddRow(
                    r.Name,
                    r.Enabled ? "yes" : "no",
                    Invariant(r.Priority),
                    r.Circuit,
                    $"{r.TokensAvailable}/{r.PerMinute}/min",
                    r.PausedUntil?.ToString("u", CultureInfo.InvariantCulture) ?? "-",
                    Invariant(r.CostPerCall),
                    $"{Invariant(r.CostToday)} ({Invariant(r.CallsToday)})",
                    $"{Invariant(r.CostTotal)} ({Invariant(r.CallsTotal)})",
                    r.DailyBudget is { } budget ? Invariant(budget) : "-");
            }

            CliConsole.Create(output).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>One provider as <c>tributary providers</c> shows it.</summary>
internal sealed record ProviderReport(
    string Name,
    bool Enabled,
    int Priority,
    string Circuit,
    long TokensAvailable,
    int PerMinute,
    DateTimeOffset? PausedUntil,
    DateTimeOffset? ExhaustedUntil,
    decimal CostPerCall,
    decimal? DailyBudget,
    long CallsToday,
    decimal CostToday,
    long CallsTotal,
    decimal CostTotal)
{
    public static ProviderReport Of(ProviderEntry entry, CreditSpend spend) => new(
        entry.Name,
        entry.Runtime.IsEnabled,
        entry.Runtime.Options.Priority,
        entry.Runtime.CircuitState,
        entry.Runtime.Gate.Available,
        entry.Runtime.Gate.PerMinute,
        entry.Runtime.Gate.PausedUntil,
        entry.Runtime.ExhaustedUntil,
        entry.Runtime.Options.CostPerCall,
        entry.Runtime.Options.DailyBudget,
        spend.CallsToday,
        spend.CostToday,
        spend.CallsTotal,
        spend.CostTotal);
}
