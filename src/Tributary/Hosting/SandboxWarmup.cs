using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Simulators;

namespace Tributary.Host.Hosting;

/// <summary>
/// In sandbox mode only (simulated providers cost nothing), one lookup right after start so the first real request
/// does not pay for compiling the connectors, opening connections and authenticating within its 800 ms budget.
/// </summary>
internal sealed class SandboxWarmup(EnrichmentEngine engine, IdentifierNormalizer normalizer, ILogger<SandboxWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var subject = normalizer.Normalize(new RawIdentifiers(SampleIdentifiers.UnknownEmail));
            await engine.EnrichAsync(new EnrichmentRequest(subject) { IsBatch = true }, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HostLog.WarmupFailed(logger, ex.GetType().Name);
        }
    }
}
