using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;
using Tributary.Simulators.PeopleDataLabs;

namespace Tributary.Simulators;

/// <summary>
/// People Data Labs v5: <c>GET|POST /v5/person/enrich</c>, <c>POST /v5/person/bulk</c>,
/// <c>GET /v5/company/enrich</c> and <c>POST /v5/company/enrich/bulk</c>, with the key in
/// <c>X-Api-Key</c> or <c>api_key</c>. Misses are 404 and free; at zero credits every call is 402.
/// Knows about 80% of the sample people.
/// </summary>
public sealed class PeopleDataLabsSimulator : ProviderSimulator
{
    internal static readonly ProviderCoverage Coverage = new("peopledatalabs", personPermille: 800, companyPermille: 920);

    /// <summary>Creates a People Data Labs simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public PeopleDataLabsSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal PeopleDataLabsSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("peopledatalabs", options, dataset, port)
    {
        Credits = new CreditBalance(Options.PeopleDataLabsCredits);
        Conventions = new PdlConventions(TimeProvider);
    }

    /// <summary>The key the simulator accepts.</summary>
    public string ApiKey => Options.PeopleDataLabsApiKey;

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string> { ["apiKey"] = ApiKey };

    /// <summary>Credits left (from <see cref="SimulatorOptions.PeopleDataLabsCredits"/>); settable to test exhaustion.</summary>
    public long CreditsRemaining
    {
        get => Credits.Remaining;
        set => Credits.Remaining = value;
    }

    internal CreditBalance Credits { get; }

    private protected override IProviderConventions Conventions { get; }

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints) => new PdlEndpoints(this).Map(endpoints);
}
