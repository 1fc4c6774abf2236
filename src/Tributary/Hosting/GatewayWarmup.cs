using System.Text.Json;
using Tributary.Enrichment;
using Tributary.Host.Flat;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Providers;

namespace Tributary.Host.Hosting;

/// <summary>
/// With real providers, right after start, everything a first lookup needs, without a paid call: reading a request,
/// normalising identifiers (libphonenumber loads its metadata), writing a flat answer, and one lookup of a made-up
/// subject through the engine, the cache, the ledger and every enabled provider's pipeline and connector, whose calls
/// <see cref="WarmupLookup"/> answers before the network (ZoomInfo's login is real: its token is then ready for the
/// first caller). Without it the first IVR call after a deploy paid for compiling all of that within its budget.
/// </summary>
internal sealed class GatewayWarmup(
    IdentifierNormalizer normalizer,
    EnrichmentEngine engine,
    FlatFields fields,
    ILogger<GatewayWarmup> logger) : BackgroundService
{
    private const string SampleRequest = """{"email":"Warm.Up@Example.com","phone":"+1 (415) 555-0100","domain":"example.com","linkedinUrl":"linkedin.com/in/warmup"}""";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var body = JsonSerializer.Deserialize(SampleRequest, FlatJsonContext.Default.EnrichRequestBody)!;
            if (EnrichRequestParser.TryBuild(body, LookupKind.Person, normalizer, out var request, out _, out _))
            {
                using (WarmupLookup.Begin())
                {
                    var result = await engine.EnrichAsync(request!, stoppingToken);
                    using var writer = new Utf8JsonWriter(Stream.Null);
                    FlatJsonWriter.WriteObject(writer, fields, FlatAnswer.Of(result), "warmup");
                    await writer.FlushAsync(stoppingToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HostLog.WarmupFailed(logger, ex.GetType().Name);
        }
    }
}
