using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tributary.Enrichment;
using Tributary.Providers;

namespace Tributary.Diagnostics;

/// <summary>
/// The engine's instruments on the <c>Tributary</c> meter. Names follow the Prometheus names users see
/// (the exporter adds <c>_total</c> to counters and the unit to histograms). With tracing on, each provider lookup is
/// also a span of the <c>Tributary</c> activity source, a child of its subject's (<see cref="StartSubject"/>):
/// provider, status, latency, lookup type; never an identifier.
/// </summary>
public sealed class EnrichmentMetrics
{
    public const string MeterName = "Tributary";

    /// <summary>The activity source of provider lookups (its name is <see cref="MeterName"/>).</summary>
    public static readonly ActivitySource Tracing = new(MeterName);

    private readonly TimeProvider _time;

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _confidence;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;

    public EnrichmentMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("enrichment_requests", description: "Provider lookups by provider, status and lookup type.");
        // Buckets on the instruments' own scales: the exporters' defaults are for milliseconds (0, 5, 10 … 10,000), where
        // every latency in seconds and every confidence would fall in the first one.
        _latency = meter.CreateHistogram<double>(
            "enrichment_latency", "s", "Time spent on each provider per lookup.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10] });
        _confidence = meter.CreateHistogram<double>(
            "enrichment_confidence", unit: null, "Overall confidence of enrichment answers.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1] });
        _cacheHits = meter.CreateCounter<long>("enrichment_cache_hits", description: "Lookups answered from the cache or the ledger.");
        _cacheMisses = meter.CreateCounter<long>("enrichment_cache_misses", description: "Lookups that needed a provider call.");
        Meter = meter;
    }

    public Meter Meter { get; }

    public void RecordOutcome(ProviderOutcome outcome, LookupKind kind)
    {
        if (WarmupLookup.Active)
        {
            return;
        }

        var provider = new KeyValuePair<string, object?>("provider", outcome.Provider);
        _requests.Add(1, provider, new("status", outcome.Status.ToWire()), new("type", kind == LookupKind.Person ? "person" : "company"));
        if (outcome.Status != ProviderStatus.Skipped)
        {
            _latency.Record(outcome.Latency.TotalSeconds, provider);
            Trace(outcome, kind);
        }
    }

    /// <summary>
    /// One subject's enrichment as a span, started when its enrichment started; its provider lookups are its children.
    /// Under a request's span it is a child of the request; in batch work (a job, a file, the pipeline, a
    /// contact-center event) it is the root of a trace of its own, so each record can be followed alone. Null when
    /// nobody listens; disposing it ends it.
    /// </summary>
    public Activity? StartSubject(LookupKind kind, TimeSpan elapsed)
    {
        if (!Tracing.HasListeners())
        {
            return null;
        }

        var lookup = kind == LookupKind.Person ? "person" : "company";
        var span = Tracing.StartActivity("enrich " + lookup, ActivityKind.Internal, Activity.Current?.Context ?? default, startTime: _time.GetUtcNow() - elapsed);
        span?.SetTag("tributary.lookup", lookup);
        return span;
    }

    /// <summary>Tags a subject's span with what came of it (matched, partial, confidence; never a value).</summary>
    public static void Describe(Activity? span, EnrichmentResult result)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag("tributary.matched", !result.Profile.IsEmpty);
        span.SetTag("tributary.partial", result.Partial);
        span.SetTag("tributary.confidence", Math.Round(result.Confidence, 2));
    }

    /// <summary>The lookup as a finished span: it is recorded once its outcome is known, starting when the call started.</summary>
    private void Trace(ProviderOutcome outcome, LookupKind kind)
    {
        if (!Tracing.HasListeners())
        {
            return;
        }

        var end = _time.GetUtcNow();
        using var span = Tracing.StartActivity("provider " + outcome.Provider, ActivityKind.Client, Activity.Current?.Context ?? default, startTime: end - outcome.Latency);
        if (span is null)
        {
            return;
        }

        var status = outcome.Status.ToWire();
        span.SetTag("tributary.provider", outcome.Provider);
        span.SetTag("tributary.status", status);
        span.SetTag("tributary.lookup", kind == LookupKind.Person ? "person" : "company");
        span.SetTag("tributary.latency_ms", Math.Round(outcome.Latency.TotalMilliseconds, 1));
        if (outcome.Status.IsFailure())
        {
            span.SetStatus(ActivityStatusCode.Error, status);
        }

        span.SetEndTime(end.UtcDateTime);
    }

    public void RecordCache(string provider, bool hit)
    {
        if (!WarmupLookup.Active)
        {
            (hit ? _cacheHits : _cacheMisses).Add(1, new KeyValuePair<string, object?>("provider", provider));
        }
    }

    public void RecordResult(EnrichmentResult result)
    {
        if (!WarmupLookup.Active)
        {
            _confidence.Record(result.Confidence);
        }
    }
}
