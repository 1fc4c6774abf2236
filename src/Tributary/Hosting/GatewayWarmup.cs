using System.Text.Json;
using Tributary.Enrichment;
using Tributary.Host.Flat;
using Tributary.Identifiers;
using Tributary.Providers;

namespace Tributary.Host.Hosting;

/// <summary>
/// With real providers, right after start, everything a first lookup needs that costs no provider call: reading a
/// request, normalising identifiers (libphonenumber loads its metadata), the providers' HTTP pipelines, writing a flat
/// answer. Without it the first IVR call after a deploy paid for all of that past its budget (about 400 ms here).
/// </summary>
internal sealed class GatewayWarmup(
    IdentifierNormalizer normalizer,
    ProviderCatalog catalog,
    IHttpClientFactory clients,
    FlatFields fields,
    ILogger<GatewayWarmup> logger) : BackgroundService
{
    private const string SampleRequest = """{"email":"Warm.Up@Example.com","phone":"+1 (415) 555-0100","domain":"example.com","linkedinUrl":"linkedin.com/in/warmup"}""";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var body = JsonSerializer.Deserialize(SampleRequest, FlatJsonContext.Default.EnrichRequestBody)!;
            EnrichRequestParser.TryBuild(body, LookupKind.Person, normalizer, out _, out _, out _);
            foreach (var entry in catalog.All)
            {
                clients.CreateClient(entry.Name).Dispose();
            }

            using var writer = new Utf8JsonWriter(Stream.Null);
            FlatJsonWriter.WriteObject(writer, fields, FlatAnswer.None, "warmup");
            writer.Flush();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HostLog.WarmupFailed(logger, ex.GetType().Name);
        }

        return Task.CompletedTask;
    }
}
