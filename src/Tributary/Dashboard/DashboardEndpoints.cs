using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Credits;
using Tributary.Host.HttpApi;
using Tributary.Host.Pipeline;
using Tributary.Host.Providers;
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
            .WithDescription("Providers (as /v1/providers), lookups by status, match rate and latency percentiles per provider, cache hit rate and HTTP answers by status class since this gateway started, and the pipeline (as /v1/pipeline).")
            .Produces<DashboardView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return v1;
    }

    private static async Task<Ok<DashboardView>> ReadAsync(
        DashboardStats stats, ProviderCatalog catalog, CreditMeter credits, PipelineStatusReader pipeline, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(new DashboardView(
            time.GetUtcNow(), await ProviderReport.ListAsync(catalog, credits, cancellationToken), stats.Snapshot(), await pipeline.ReadAsync(cancellationToken)));
}
