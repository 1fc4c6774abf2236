using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Credits;
using Tributary.Providers;

namespace Tributary.Host.Providers;

/// <summary><c>GET /v1/providers</c>: the live provider report of this gateway, for <c>tributary providers --url</c> and dashboards.</summary>
internal static class ProvidersEndpoints
{
    public static RouteGroupBuilder MapProvidersEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/providers", ListAsync)
            .WithTags("Operations")
            .WithName("ListProviders")
            .WithSummary("Live state of every configured provider: health, circuit, rate-limit tokens, pauses and credits spent")
            .WithDescription(
                "One entry per provider in priority order, as this gateway sees it now: enabled, health (disabled: not "
                + "enabled; down: circuit open or isolated, paused by a 429, credits or daily budget spent; degraded: circuit "
                + "half-open or this minute's rate budget spent; ok), priority, circuit "
                + "(closed, open, half_open, isolated), tokens available of the per-minute budget, pausedUntil (a 429's "
                + "Retry-After), exhaustedUntil (credits spent at the provider), cost per call, daily budget, and calls and "
                + "credits today (UTC) and in total. What `tributary providers --url` prints.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ProviderReport>>> ListAsync(ProviderCatalog catalog, CreditMeter credits, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ProviderReport.ListAsync(catalog, credits, time, cancellationToken));
}
