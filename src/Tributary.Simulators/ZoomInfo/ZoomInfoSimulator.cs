using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;
using Tributary.Simulators.ZoomInfo;

namespace Tributary.Simulators;

/// <summary>
/// ZoomInfo's legacy Enterprise API: <c>POST /authenticate</c> (JSON or form-encoded
/// <see cref="Username"/>/<see cref="Password"/>, or a PKI client JWT verified with
/// <see cref="SimulatorOptions.ZoomInfoPublicKey"/>) returns a JWT valid for
/// <see cref="SimulatorOptions.ZoomInfoJwtLifetime"/>; <c>POST /enrich/contact</c> and
/// <c>/enrich/company</c> require it as a Bearer token and refuse output fields the account is not
/// entitled to. Knows about 75% of the sample people.
/// </summary>
public sealed class ZoomInfoSimulator : ProviderSimulator
{
    internal static readonly ProviderCoverage Coverage = new("zoominfo", personPermille: 750, companyPermille: 900);

    private int _authentications;

    /// <summary>Creates a ZoomInfo simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public ZoomInfoSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal ZoomInfoSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("zoominfo", options, dataset, port)
    {
        ZoomInfoClientAssertion.CheckKey(Options);
    }

    public string Username => Options.ZoomInfoUsername;

    public string Password => Options.ZoomInfoPassword;

    public override IReadOnlyDictionary<string, string> Credentials =>
        new Dictionary<string, string> { ["username"] = Username, ["password"] = Password };

    /// <summary>Successful <c>POST /authenticate</c> calls, so tests can see tokens being reused.</summary>
    public int AuthenticationCount => Volatile.Read(ref _authentications);

    private protected override IProviderConventions Conventions { get; } = new ZoomInfoConventions();

    internal void RecordAuthentication() => Interlocked.Increment(ref _authentications);

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        new ZoomInfoEndpoints(this, new ZoomInfoJwt(TimeProvider, Options.ZoomInfoJwtLifetime)).Map(endpoints);
}
