using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using Tributary.Diagnostics;

namespace Tributary.Host.Hosting;

/// <summary>
/// OpenTelemetry tracing, exported over OTLP (HTTP/protobuf) when <c>Telemetry:OtlpEndpoint</c> is set (an
/// OpenTelemetry Collector, Jaeger, Tempo …): one trace per HTTP request, with a span per provider lookup beneath it.
/// Spans carry no identifier: ASP.NET Core's instrumentation leaves the query string out, HttpClient's is not used
/// (provider URLs hold emails), and the provider spans name only the provider, status and latency.
/// </summary>
internal static class TelemetryTracing
{
    public const string EndpointKey = "Telemetry:OtlpEndpoint";

    public static void Add(OpenTelemetry.OpenTelemetryBuilder telemetry, IConfiguration configuration)
    {
        if (configuration[EndpointKey] is not { Length: > 0 } endpoint)
        {
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"{EndpointKey} must be an http(s) URL such as http://collector:4318 (got '{endpoint}').");
        }

        // Set in code, the exporter sends to the URL as given: the signal's path is added here, as the SDK's own
        // environment variable would.
        var traces = uri.AbsolutePath.TrimEnd('/').EndsWith("/v1/traces", StringComparison.Ordinal) ? uri : new Uri(uri, uri.AbsolutePath.TrimEnd('/') + "/v1/traces");
        telemetry.WithTracing(tracing => tracing
            .AddSource(EnrichmentMetrics.MeterName)
            .AddAspNetCoreInstrumentation(options => options.Filter = static http =>
                !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments("/metrics"))
            .AddOtlpExporter(options =>
            {
                options.Endpoint = traces;
                options.Protocol = OtlpExportProtocol.HttpProtobuf;
            }));
    }
}
