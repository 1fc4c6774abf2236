using Microsoft.Extensions.Time.Testing;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Engine;

public sealed class ZoomInfoTokenTests : IAsyncLifetime
{
    // One fake clock for ZoomInfo's token lifetimes (60 minutes, as the real API) and for the gateway's renewals.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private ClearbitSimulator _clearbit = null!;
    private ZoomInfoSimulator _zoominfo = null!;

    public async Task InitializeAsync()
    {
        _clearbit = new ClearbitSimulator();
        _zoominfo = new ZoomInfoSimulator(new SimulatorOptions { TimeProvider = _time });
        await Task.WhenAll(_clearbit.StartAsync(), _zoominfo.StartAsync());
    }

    public async Task DisposeAsync()
    {
        await _clearbit.DisposeAsync();
        await _zoominfo.DisposeAsync();
    }

    [Fact]
    public async Task Lookups_ReuseOneToken_AndConcurrentCallersAuthenticateOnce()
    {
        // A token that outlives the test, however slow the machine.
        await using var zoominfo = new ZoomInfoSimulator();
        await zoominfo.StartAsync();
        await using var harness = new EngineHarness(_clearbit, zoominfo);
        var people = SampleDataset.Create().People.Take(10).Select(p => p.Email);

        var results = await Task.WhenAll(people.Select(e => harness.EnrichAsync(e, providers: "zoominfo")));

        results.ShouldAllBe(r => r.Outcomes[0].Status != ProviderStatus.Unauthorized);
        zoominfo.AuthenticationCount.ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_AfterTheTokenExpires_AuthenticatesAgain()
    {
        await using var harness = new EngineHarness(_clearbit, _zoominfo, time: _time);
        var people = SampleDataset.Create().People;

        await harness.EnrichAsync(people[1].Email, providers: "zoominfo");

        // Past the renewal, 5 minutes before the 60-minute token expires.
        _time.Advance(TimeSpan.FromMinutes(56));
        var before = _zoominfo.AuthenticationCount;
        var later = await harness.EnrichAsync(people[2].Email, providers: "zoominfo");

        later.Outcomes[0].Status.ShouldNotBe(ProviderStatus.Unauthorized);
        _zoominfo.AuthenticationCount.ShouldBe(before + 1);
    }

    [Fact]
    public async Task Lookup_WhenZoomInfoRejectsTheToken_ReauthenticatesOnceAndSucceeds()
    {
        // Renewing "10 minutes after expiry" keeps the expired token in use, so ZoomInfo answers 401 to it.
        await using var harness = new EngineHarness(_clearbit, _zoominfo, new Dictionary<string, string?> { ["Providers:ZoomInfo:RefreshBeforeExpiry"] = "-00:10:00" }, time: _time);

        await harness.EnrichAsync(SampleDataset.Create().People[1].Email, providers: "zoominfo");
        _time.Advance(TimeSpan.FromMinutes(61));
        var before = _zoominfo.AuthenticationCount;
        var result = await harness.EnrichAsync(SampleIdentifiers.JaneDoeEmail, providers: "zoominfo");

        result.Outcomes[0].Status.ShouldBe(ProviderStatus.Matched);
        _zoominfo.AuthenticationCount.ShouldBe(before + 1);
    }

    [Fact]
    public async Task Lookup_WithWrongCredentials_IsUnauthorized()
    {
        await using var harness = new EngineHarness(_clearbit, _zoominfo, new Dictionary<string, string?> { ["Providers:ZoomInfo:Password"] = "wrong" });

        var result = await harness.EnrichAsync(SampleIdentifiers.JaneDoeEmail, providers: "zoominfo");

        result.Outcomes[0].Status.ShouldBe(ProviderStatus.Unauthorized);
    }

    [Fact]
    public async Task Lookups_WithWrongCredentials_AskAuthenticateOncePerPause_NotOncePerLookup()
    {
        await using var harness = new EngineHarness(_clearbit, _zoominfo, new Dictionary<string, string?> { ["Providers:ZoomInfo:Password"] = "wrong" }, time: _time);
        var people = SampleDataset.Create().People;

        for (var i = 0; i < 5; i++)
        {
            (await harness.EnrichAsync(people[i].Email, providers: "zoominfo")).Outcomes[0].Status.ShouldBe(ProviderStatus.Unauthorized);
        }

        _zoominfo.Calls["/authenticate"].ShouldBe(1);

        // A minute on, the credentials are offered again (a key fixed upstream is found without a restart).
        _time.Advance(TimeSpan.FromSeconds(61));
        (await harness.EnrichAsync(people[5].Email, providers: "zoominfo")).Outcomes[0].Status.ShouldBe(ProviderStatus.Unauthorized);
        _zoominfo.Calls["/authenticate"].ShouldBe(2);
    }
}
