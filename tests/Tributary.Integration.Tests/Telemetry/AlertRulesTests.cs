using System.Text.Json;
using System.Text.RegularExpressions;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Telemetry;

/// <summary>
/// docs/alerts.yaml names only metrics the gateway really exports: every metric in every rule's expression is found in
/// a live <c>/metrics</c> scrape after some traffic. (promtool is not installed here; this checks what it cannot: the
/// names against this exporter.)
/// </summary>
public sealed partial class AlertRulesTests
{
    private static readonly HashSet<string> PromQl = ["sum", "by", "max", "rate", "increase", "delta", "status", "provider", "http_response_status_code"];

    [Fact]
    public async Task EveryMetricInTheAlertRules_IsExported()
    {
        var rules = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "alerts.yaml"));
        // Label values ("timeout|server_error…") are not metric names.
        var expressions = Quoted().Replace(string.Join("\n", ExprBlocks().Matches(rules).Select(m => m.Groups[1].Value)), string.Empty);
        var metrics = MetricName().Matches(expressions).Select(m => m.Value).Where(name => !PromQl.Contains(name)).ToHashSet();
        metrics.Count.ShouldBeGreaterThanOrEqualTo(6, "the rules were not read");

        await using var gateway = await GatewayServer.StartAsync("--Providers:Clearbit:DailyBudget=1000");
        await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");
        await Eventually.TrueAsync(async () => (await gateway.Client.GetStringAsync("/metrics")).Contains("tributary_dead_letters", StringComparison.Ordinal), "the store gauges");
        var scrape = await gateway.Client.GetStringAsync("/metrics");

        metrics.Where(name => !scrape.Contains("\n" + name, StringComparison.Ordinal)).ShouldBeEmpty("metrics named in docs/alerts.yaml but not exported");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tributary.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    // An expression: the rest of an "expr:" line, or the indented block after "expr: |".
    [GeneratedRegex(@"expr:\s*\|?\s*((?:.*\n?)(?:\s{10,}.*\n)*)")]
    private static partial Regex ExprBlocks();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b[a-z][a-z0-9_]*_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
