using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Apollo;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators;

/// <summary>
/// Apollo.io under <c>/api/v1</c>: <c>POST people/match</c> (query parameters),
/// <c>POST people/bulk_match</c>, <c>GET organizations/enrich</c> and
/// <c>POST organizations/bulk_enrich</c>, authenticated by the <c>x-api-key</c> header.
/// Knows about 70% of the sample people. Webhook deliveries (phone reveal, waterfall) are not simulated.
/// </summary>
public sealed class ApolloSimulator : ProviderSimulator
{
    internal static readonly ProviderCoverage Coverage = new("apollo", personPermille: 700, companyPermille: 900);

    /// <summary>Creates an Apollo simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public ApolloSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal ApolloSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("apollo", options, dataset, port)
    {
        Conventions = new ApolloConventions(TimeProvider);
    }

    /// <summary>The key the simulator accepts in <c>x-api-key</c>.</summary>
    public string ApiKey => Options.ApolloApiKey;

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string> { ["apiKey"] = ApiKey };

    private protected override IProviderConventions Conventions { get; }

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints) => new ApolloEndpoints(this).Map(endpoints);
}
