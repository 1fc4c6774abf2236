using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Gateway;

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_CountRequestsPerProviderAndStatus()
    {
        await using var gateway = await GatewayServer.StartAsync();
        await gateway.EnrichAsync<JsonElement>("""{"email":"jane.doe@acme.com"}""");
        await gateway.EnrichAsync<JsonElement>("""{"email":"jane.doe@acme.com"}""");

        var metrics = await gateway.Client.GetStringAsync("/metrics");

        metrics.ShouldContain("""enrichment_requests_total{otel_scope_name="Tributary",provider="clearbit",status="matched",type="person"} 1""");
        metrics.ShouldContain("""enrichment_requests_total{otel_scope_name="Tributary",provider="clearbit",status="cached",type="person"} 1""");
        metrics.ShouldContain("enrichment_latency_seconds_bucket{");
        metrics.ShouldContain("enrichment_confidence_count{");
        metrics.ShouldContain("""enrichment_cache_hits_total{otel_scope_name="Tributary",provider="zoominfo"} 1""");
        metrics.ShouldContain("""enrichment_cache_misses_total{otel_scope_name="Tributary",provider="zoominfo"} 1""");
        metrics.ShouldContain("""enrichment_circuit_state{otel_scope_name="Tributary",provider="clearbit"} 0""");
        metrics.ShouldContain("enrichment_rate_limit_available{");
        metrics.ShouldContain("""enrichment_cost_total{otel_scope_name="Tributary",provider="clearbit"} 1""");
        metrics.ShouldContain("http_server_request_duration_seconds");
        metrics.ShouldContain("http_client_request_duration_seconds");
    }

    [Fact]
    public async Task Histograms_HaveBucketsOnTheirOwnScale()
    {
        await using var gateway = await GatewayServer.StartAsync();
        await gateway.EnrichAsync<JsonElement>("""{"email":"jane.doe@acme.com"}""");
        await gateway.EnrichAsync<JsonElement>("""{"email":"jane.doe@acme.com"}""");

        var metrics = await gateway.Client.GetStringAsync("/metrics");

        metrics.ShouldMatch("""enrichment_latency_seconds_bucket\{[^}]*le="0\.05"\}""");
        metrics.ShouldMatch("""enrichment_confidence_bucket\{[^}]*le="0\.9"\}""");
        metrics.ShouldNotMatch("""enrichment_latency_seconds_bucket\{[^}]*le="5000"\}""");
    }
}
