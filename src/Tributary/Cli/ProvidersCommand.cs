using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tributary.Credits;
using Tributary.Host.Providers;
using Tributary.Providers;

namespace Tributary.Host.Cli;

/// <summary>
/// <c>tributary providers</c>: each provider's health, circuit, budget and credits. With <c>--url</c>, the live state
/// of a running gateway; without, what this configuration gives a fresh process (settings, and credits from the store).
/// </summary>
internal static class ProvidersCommand
{
    /// <param name="output">Where the report goes.</param>
    /// <param name="settings">Configuration from the command line (<see cref="CommandLineSettings"/>).</param>
    public static Command Create(TextWriter output, string[] settings)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var url = new Option<string?>("--url")
        {
            Description = "A running gateway (e.g. http://127.0.0.1:8080): show its live circuits, tokens and credits instead of this configuration's.",
        };
        var apiKey = new Option<string?>("--api-key") { Description = "A gateway key (Gateway:ApiKeys) for --url." };
        var command = new Command(
            "providers",
            "List providers: enabled, health, circuit state, rate-limit budget, credits spent. Health: disabled (not enabled), "
            + "down (circuit open or isolated, paused by a 429, credits or daily budget spent), unauthorized (its last answer refused "
            + "the key), degraded (circuit half-open, or this minute's rate budget spent), ok.") { json, url, apiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            IReadOnlyList<ProviderReport> reports;
            if (parse.GetValue(url) is { } gateway)
            {
                if (GatewayCall.ParseUrl(gateway) is not { } gatewayUri)
                {
                    await error.WriteLineAsync("error: " + GatewayCall.BadUrl);
                    return ExitCodes.BadArguments;
                }

                var fetched = await GatewayProviders.FetchAsync(gatewayUri, parse.GetValue(apiKey), cancellationToken);
                if (fetched.Value is null)
                {
                    await error.WriteLineAsync("error: " + fetched.Problem);
                    return fetched.ExitCode;
                }

                reports = fetched.Value;
            }
            else
            {
                await using var host = await CliHost.StartAsync(settings, cancellationToken);
                reports = await ProviderReport.ListAsync(
                    host.Services.GetRequiredService<ProviderCatalog>(),
                    host.Services.GetRequiredService<CreditMeter>(),
                    host.Services.GetRequiredService<TimeProvider>(),
                    cancellationToken);
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(reports, CliJson.Indented.IReadOnlyListProviderReport));
            }
            else
            {
                Render(reports, output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(IReadOnlyList<ProviderReport> reports, TextWriter output)
    {
        var table = new Table().AddColumns("Provider", "On", "Health", "Priority", "Circuit", "Tokens", "Paused until", "Cost", "Today", "Total", "Daily cap");
        foreach (var r in reports)
        {
            table.AddRow(
                Markup.Escape(r.Name),
                r.Enabled ? "yes" : "no",
                Markup.Escape(r.Health ?? "-"), // a gateway older than the health field reports none
                Invariant(r.Priority),
                Markup.Escape(r.Circuit),
                $"{r.TokensAvailable}/{r.PerMinute}/min",
                r.PausedUntil?.ToString("u", CultureInfo.InvariantCulture) ?? "-",
                Invariant(r.CostPerCall),
                $"{Invariant(r.CostToday)} ({Invariant(r.CallsToday)})",
                $"{Invariant(r.CostTotal)} ({Invariant(r.CallsTotal)})",
                r.DailyBudget is { } budget ? Invariant(budget) : "-");
        }

        CliConsole.Create(output).Write(table);
    }

    private static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
