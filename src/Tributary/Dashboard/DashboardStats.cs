using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tributary.Diagnostics;

namespace Tributary.Host.Dashboard;

/// <summary>
/// The engine's and the web server's own measurements, gathered in process for the dashboard (not scraped from
/// <c>/metrics</c>): provider lookups by status, each provider's recent latencies, cache hits and misses, and HTTP
/// answers by status class. Only this host's meters are listened to (their scope is its meter factory), so several
/// hosts in one process do not mix.
/// </summary>
internal sealed class DashboardStats : IDisposable
{
    /// <summary>Latencies kept per provider for the percentiles: the most recent ones.</summary>
    public const int LatencyWindow = 1_024;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ProviderCounters> _providers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _http = new(StringComparer.Ordinal);
    private long _cacheHits;
    private long _cacheMisses;

    public DashboardStats(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && IsListened(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnValue);
        _listener.Start();
    }

    public DashboardStatsView Snapshot()
    {
        var providers = _providers.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => p.Value.View(p.Key)).ToList();
        var hits = Interlocked.Read(ref _cacheHits);
        var misses = Interlocked.Read(ref _cacheMisses);
        return new DashboardStatsView(
            providers,
            new CacheView(hits, misses, hits + misses == 0 ? 0 : (double)hits / (hits + misses)),
            new SortedDictionary<string, long>(_http, StringComparer.Ordinal));
    }

    public void Dispose() => _listener.Dispose();

    private static bool IsListened(Instrument instrument) => instrument.Meter.Name switch
    {
        EnrichmentMetrics.MeterName => instrument.Name is "enrichment_requests" or "enrichment_latency" or "enrichment_cache_hits" or "enrichment_cache_misses",
        "Microsoft.AspNetCore.Hosting" => instrument.Name == "http.server.request.duration",
        _ => false,
    };

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case "enrichment_requests":
                _providers.GetOrAdd(Tag(tags, "provider") ?? "unknown", static _ => new ProviderCounters()).Count(Tag(tags, "status") ?? "unknown", value);
                break;
            case "enrichment_cache_hits":
                Interlocked.Add(ref _cacheHits, value);
                break;
            case "enrichment_cache_misses":
                Interlocked.Add(ref _cacheMisses, value);
                break;
        }
    }

    private void OnValue(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "enrichment_latency")
        {
            _providers.GetOrAdd(Tag(tags, "provider") ?? "unknown", static _ => new ProviderCounters()).Latency(value * 1000);
            return;
        }

        // The dashboard's own polling is not traffic.
        if (Tag(tags, "http.route") is "/v1/dashboard" or "/")
        {
            return;
        }

        var klass = TagValue(tags, "http.response.status_code") is int code ? StatusClass(code) : "other";
        _http.AddOrUpdate(klass, 1, static (_, count) => count + 1);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name) => TagValue(tags, name)?.ToString();

    private static object? TagValue(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }

    // Runs on every HTTP answer: the class names are constants, not strings built per request.
    private static string StatusClass(int code) => (code / 100) switch
    {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        5 => "5xx",
        _ => "other",
    };
}
