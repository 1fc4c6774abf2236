using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Credits;
using Tributary.Host.ContactCenter;
using Tributary.Host.HttpApi;
using Tributary.Host.Outcomes;
using Tributary.Host.Pipeline;
using Tributary.Host.Providers;
using Tributary.Orchestration;
using Tributary.Storage;
using Tributary.Providers;

namespace Tributary.Host.Dashboard;

/// <summary>
/// The dashboard: its page at <c>/</c> with its script and style (embedded, no CDN; the page holds no data and is served
/// without a key) and <c>GET /v1/dashboard</c>, which the page polls, behind the gateway keys (the page sends the key
/// given in its URL fragment, <c>/#key=…</c>).
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder app) =>
        app.MapEmbeddedPages(
            "Tributary.Host.Dashboard.Assets",
            ("/", "dashboard.html", "text/html; charset=utf-8"),
            ("/dashboard/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
            ("/dashboard/dashboard.css", "dashboard.css", "text/css; charset=utf-8"));

    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/dashboard", ReadAsync)
            .WithTags("Operations")
            .WithName("Dashboard")
            .WithSummary("What the dashboard at / shows, in one poll")
            .WithDescription("Providers (as /v1/providers), lookups by status, match rate, latency percentiles and field fill rates per provider, cache hit rate and HTTP answers by status class since this gateway started, each provider's credits over the last 30 days, the pipeline (as /v1/pipeline) and the records waiting in each queue.")
            .Produces<DashboardView>();
        return v1;
    }

    /// <summary>Days of credit history the dashboard shows, today included.</summary>
    public const int CreditDays = 30;

    private static async Task<Ok<DashboardView>> ReadAsync(
        DashboardStats stats,
        ProviderCatalog catalog,
        CreditMeter credits,
        ICreditStore creditStore,
        ProviderValueStats fills,
        PipelineStatusReader pipeline,
        IStagingQueue staging,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var providers = await ProviderReport.ListAsync(catalog, credits, time, cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var history = await creditStore.HistoryAsync(today.AddDays(1 - CreditDays), cancellationToken);
        var status = await pipeline.ReadAsync(cancellationToken);
        List<QueueView> queues =
        [
            new("pipeline", status.Staged),
            new("caller events", await staging.CountAsync([CallerEvent.Source], cancellationToken)),
            new("external contacts", await staging.CountAsync([ContactUpdate.Source], cancellationToken)),
            new("CDP outcomes", await staging.CountAsync([PendingOutcome.Source], cancellationToken)),
        ];
        return TypedResults.Ok(new DashboardView(
            now, providers, stats.Snapshot(), status, queues, FillOf(providers, fills), CreditsOf(providers, history, today)));
    }

    private static List<ProviderFillView> FillOf(IReadOnlyList<ProviderReport> providers, ProviderValueStats fills)
    {
        var snapshot = fills.Snapshot();
        return [.. providers.Select(p => snapshot.TryGetValue(p.Name, out var f) && f.Answers > 0
            ? new ProviderFillView(p.Name, f.Answers, f.Filled.OrderBy(static x => x.Key, StringComparer.Ordinal).ToDictionary(static x => x.Key, x => Math.Round((double)x.Value / f.Answers, 3)))
            : new ProviderFillView(p.Name, 0, new Dictionary<string, double>()))];
    }

    // Days without spend are zero; today's figure is the meter's, which counts calls not yet written to the store.
    private static List<ProviderCreditsView> CreditsOf(IReadOnlyList<ProviderReport> providers, IReadOnlyList<CreditDay> history, DateOnly today)
    {
        var stored = history.ToDictionary(static d => (d.Provider, d.Day));
        return [.. providers.Select(p => new ProviderCreditsView(p.Name, [.. Enumerable.Range(0, CreditDays).Select(i =>
        {
            var day = today.AddDays(i + 1 - CreditDays);
            return day == today ? new CreditDayView(day, p.CallsToday, p.CostToday)
                : stored.TryGetValue((p.Name, day), out var spent) ? new CreditDayView(day, spent.Calls, spent.Cost)
                : new CreditDayView(day, 0, 0);
        })]))];
    }
}
