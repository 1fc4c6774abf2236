using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Hunter;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators;

/// <summary>
/// Hunter.io v2: <c>GET /v2/email-finder</c>, <c>/v2/domain-search</c>, <c>/v2/people/find</c>,
/// <c>/v2/companies/find</c> and <c>/v2/combined/find</c>, with the key as <c>api_key</c>,
/// <c>X-API-KEY</c> or a Bearer token. 403 means too fast, 429 that the month's credits are spent,
/// 451 that the person opted out (every sample person whose index % 97 == 5, and
/// <see cref="SampleIdentifiers.OptedOutEmail"/>). Knows about 60% of the sample people.
/// </summary>
public sealed class HunterSimulator : ProviderSimulator
{
    internal static readonly ProviderCoverage Coverage = new("hunter", personPermille: 600, companyPermille: 850);

    /// <summary>Creates a Hunter simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public HunterSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal HunterSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("hunter", options, dataset, port)
    {
        Credits = new CreditBalance(Options.HunterMonthlyCredits);
    }

    /// <summary>The key the simulator accepts.</summary>
    public string ApiKey => Options.HunterApiKey;

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string> { ["apiKey"] = ApiKey };

    /// <summary>Credits left this month (from <see cref="SimulatorOptions.HunterMonthlyCredits"/>); settable to test exhaustion.</summary>
    public long CreditsRemaining
    {
        get => Credits.Remaining;
        set => Credits.Remaining = value;
    }

    internal CreditBalance Credits { get; }

    private protected override IProviderConventions Conventions { get; } = new HunterConventions();

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints) => new HunterEndpoints(this).Map(endpoints);
}
