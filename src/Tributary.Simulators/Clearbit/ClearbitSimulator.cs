using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Clearbit;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators;

/// <summary>
/// Clearbit Enrichment v2: <c>GET /v2/people/find?email=</c>, <c>/v2/companies/find?domain=</c> and
/// <c>/v2/combined/find?email=</c>, authenticated with <see cref="ApiKey"/> as the Basic user name
/// or a Bearer token. Knows about 85% of the sample people and 95% of the companies. Under the Queued fault a lookup
/// answers 202 and its record follows by webhook to the lookup's <c>webhook_url</c>, as Clearbit delivers it.
/// </summary>
public sealed class ClearbitSimulator : ProviderSimulator
{
    internal static readonly ProviderCoverage Coverage = new("clearbit", personPermille: 850, companyPermille: 950);

    /// <summary>Creates a Clearbit simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public ClearbitSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal ClearbitSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("clearbit", options, dataset, port)
    {
    }

    /// <summary>
    /// Webhooks of queued lookups delivered, by the status the receiver answered (<c>WebhookDeliveries["202"]</c>;
    /// <c>"failed"</c> when it did not answer).
    /// </summary>
    public SimulatorCallCounter WebhookDeliveries { get; } = new();

    /// <summary>The secret key the simulator accepts.</summary>
    public string ApiKey => Options.ClearbitApiKey;

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string> { ["apiKey"] = ApiKey };

    private protected override IProviderConventions Conventions { get; } = new ClearbitConventions();

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints) => new ClearbitEndpoints(this).Map(endpoints);
}
