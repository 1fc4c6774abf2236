using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Simulators;

namespace Tributary.Benchmarks;

/// <summary>
/// The engine's share of a cached request (two providers answered from the in-process cache, merged): the part of
/// the gateway's per-request CPU budget that is ours rather than Kestrel's.
/// </summary>
[MemoryDiagnoser]
public class CachedEnrichBenchmark
{
    private ServiceProvider _services = null!;
    private SandboxSimulators _simulators = null!;
    private EnrichmentEngine _engine = null!;
    private EnrichmentRequest _request = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _simulators = await SandboxSimulators.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Clearbit:ApiKey"] = _simulators.Options.ClearbitApiKey,
            ["Providers:Clearbit:BaseUrl"] = _simulators.Clearbit.BaseUrl,
            ["Providers:ZoomInfo:Username"] = _simulators.Options.ZoomInfoUsername,
            ["Providers:ZoomInfo:Password"] = _simulators.Options.ZoomInfoPassword,
            ["Providers:ZoomInfo:BaseUrl"] = _simulators.ZoomInfo.BaseUrl,
            ["Privacy:Pepper"] = "benchmark",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTributary(configuration).AddClearbit().AddZoomInfo();
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<EnrichmentEngine>();
        _request = new EnrichmentRequest(_services.GetRequiredService<IdentifierNormalizer>().Normalize(new RawIdentifiers(SampleIdentifiers.JaneDoeEmail)));
        await _engine.EnrichAsync(_request with { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        await _simulators.DisposeAsync();
    }

    [Benchmark]
    public Task<EnrichmentResult> EnrichCached() => _engine.EnrichAsync(_request, CancellationToken.None);
}
