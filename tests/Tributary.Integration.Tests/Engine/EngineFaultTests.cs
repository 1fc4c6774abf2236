using System.Diagnostics;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Orchestration;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Engine;

/// <summary>Every injected fault ends as its documented provider status, and the answer stays usable.</summary>
public sealed class EngineFaultTests(SimulatorPair simulators) : IClassFixture<SimulatorPair>, IDisposable
{
    private const string Jane = SampleIdentifiers.JaneDoeEmail;

    public void Dispose() => simulators.Reset();

    private EngineHarness Harness(IDictionary<string, string?>? overrides = null) => new(simulators.Clearbit, simulators.ZoomInfo, overrides);

    private static ProviderOutcome Outcome(EnrichmentResult result, string provider) => result.Outcomes.Single(o => o.Provider == provider);

    [Fact]
    public async Task Enrich_BothProvidersMatch_MergesFieldByFieldInPrecedenceOrder()
    {
        await using var harness = Harness();

        var clearbitFirst = await harness.EnrichAsync(Jane);
        var zoominfoFirst = await harness.EnrichAsync(Jane, providers: ["zoominfo", "clearbit"]);

        Outcome(clearbitFirst, "clearbit").Status.ShouldBe(ProviderStatus.Matched);
        Outcome(clearbitFirst, "zoominfo").Status.ShouldBe(ProviderStatus.Matched);
        clearbitFirst.Partial.ShouldBeFalse();
        clearbitFirst.Source.ShouldBeOneOf("clearbit", "mixed");
        clearbitFirst.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        clearbitFirst.Profile.Text(ProfileFields.CompanyName).ShouldBe("Acme Inc");
        clearbitFirst.Profile[ProfileFields.JobTitle]!.Source.ShouldBe("clearbit");
        zoominfoFirst.Profile[ProfileFields.JobTitle]!.Source.ShouldBe("zoominfo");
        zoominfoFirst.Profile[ProfileFields.JobTitle]!.Confidence.ShouldBeInRange(0.75, 0.99);
    }

    [Fact]
    public async Task Enrich_WhenOneProviderHangs_ReturnsPartialProfileWithinTheBudget()
    {
        simulators.Clearbit.Faults.Hang = true;
        await using var harness = Harness();
        var budget = TimeSpan.FromMilliseconds(400);

        var clock = Stopwatch.StartNew();
        var result = await harness.EnrichAsync(Jane, budget);
        clock.Stop();

        // The hanging attempt would hold the answer for its 3 s timeout; the slack is for a loaded CI machine's scheduler.
        clock.Elapsed.ShouldBeLessThan(budget + TimeSpan.FromSeconds(1));
        result.Partial.ShouldBeTrue();
        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Timeout);
        Outcome(result, "zoominfo").Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
    }

    [Theory]
    [InlineData(nameof(SimulatorFaults.MalformedJson), ProviderStatus.ServerError)]
    [InlineData(nameof(SimulatorFaults.ConnectionReset), ProviderStatus.ServerError)]
    [InlineData(nameof(SimulatorFaults.Queued), ProviderStatus.Queued)]
    [InlineData(nameof(SimulatorFaults.TooManyRequests), ProviderStatus.RateLimited)]
    public async Task Enrich_WithClearbitFault_ReportsItsStatusAndKeepsZoomInfoData(string fault, ProviderStatus expected)
    {
        typeof(SimulatorFaults).GetProperty(fault)!.SetValue(simulators.Clearbit.Faults, true);
        simulators.Clearbit.Faults.RetryAfterSeconds = 30;
        await using var harness = Harness();

        // A generous budget: retries of a reset connection must not turn into a timeout on a slow machine.
        var result = await harness.EnrichAsync(Jane, TimeSpan.FromSeconds(3));

        Outcome(result, "clearbit").Status.ShouldBe(expected);
        Outcome(result, "zoominfo").Status.ShouldBe(ProviderStatus.Matched);
        result.Partial.ShouldBeTrue();
        result.Source.ShouldBe("zoominfo");
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task Enrich_ServerErrors_AreRetriedWithinTheBudgetThenReported()
    {
        simulators.Clearbit.Faults.FailStatus = 503;
        await using var harness = Harness();

        var result = await harness.EnrichAsync(Jane, TimeSpan.FromSeconds(2));

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.ServerError);
        simulators.Clearbit.Calls.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Enrich_SlowServerError_IsNotRetriedWhenTheBudgetLeftCouldNotHoldAnotherLikeIt()
    {
        simulators.Clearbit.Faults.FailStatus = 503;
        simulators.Clearbit.Faults.LatencyMs = 450;
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:TimeoutMs"] = "500" });

        var result = await harness.EnrichAsync(Jane, TimeSpan.FromMilliseconds(800), providers: "clearbit");

        // A second 450 ms attempt would not fit in the 350 ms left: it would only turn the 503 into a timeout.
        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.ServerError);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Waterfall_WhenAProviderTimesOut_GivesTheNextOneTheTimeLeftInsteadOfARetry()
    {
        simulators.Clearbit.Faults.Hang = true;
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:TimeoutMs"] = "800" });

        // After the 800 ms attempt, 600 ms are left: not enough for another like it, enough for ZoomInfo.
        var result = await harness.EnrichAsync(Jane, TimeSpan.FromMilliseconds(1400), EnrichmentMode.Waterfall, "clearbit", "zoominfo");

        // Not asked again. (On a loaded machine the one attempt can time out before its request even arrives.)
        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Timeout);
        simulators.Clearbit.Calls.Total.ShouldBeLessThanOrEqualTo(1);
        Outcome(result, "zoominfo").Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task Waterfall_WithTimeForRetries_AsksTheNextProviderAfterOneAttempt_NotAfterTheRetries()
    {
        simulators.Clearbit.Faults.Hang = true;
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:TimeoutMs"] = "500" });

        // The budget would hold Clearbit's three attempts (about 1.8 s with their backoff); ZoomInfo is not made to wait for them.
        var clock = Stopwatch.StartNew();
        var result = await harness.EnrichAsync(Jane, TimeSpan.FromSeconds(5), EnrichmentMode.Waterfall, "clearbit", "zoominfo");
        clock.Stop();

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Timeout);
        Outcome(result, "zoominfo").Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(1400));
    }

    [Fact]
    public async Task Waterfall_WhenTheBudgetIsSpentBeforeAProvidersTurn_ReportsItSkippedNotTimedOut()
    {
        simulators.Clearbit.Faults.Hang = true;
        await using var harness = Harness();

        var result = await harness.EnrichAsync(Jane, TimeSpan.FromMilliseconds(300), EnrichmentMode.Waterfall, "clearbit", "zoominfo");

        // ZoomInfo was never asked: it did not time out, and took no time.
        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Timeout);
        var zoominfo = Outcome(result, "zoominfo");
        zoominfo.Status.ShouldBe(ProviderStatus.Skipped);
        zoominfo.Latency.ShouldBe(TimeSpan.Zero);
        EnrichmentEngine.Summarise(result.Outcomes).ShouldEndWith(";zoominfo:skipped:0ms");
        simulators.ZoomInfo.Calls["/enrich/contact"].ShouldBe(0);

        // Asking again would ask ZoomInfo: the answer is partial.
        result.Partial.ShouldBeTrue();
    }

    [Fact]
    public async Task Batch_WhenTheProviderThrottlesMoreOftenThanMaxRetries_WaitsItOutAndGetsTheAnswer()
    {
        simulators.Clearbit.Faults.TooManyRequests = true;
        simulators.Clearbit.Faults.RetryAfterSeconds = 1;
        await using var harness = Harness();

        var lookup = harness.Engine.EnrichAsync(
            new EnrichmentRequest(harness.Identify(Jane)) { IsBatch = true, Providers = ["clearbit"] }, CancellationToken.None);
        await Eventually.TrueAsync(() => simulators.Clearbit.Calls.Total >= 4, "more throttled attempts than MaxRetries allows", TimeSpan.FromSeconds(20));
        simulators.Clearbit.Faults.TooManyRequests = false;
        var result = await lookup.WaitAsync(TimeSpan.FromSeconds(20));

        // Batch work waits out a rate limit: the record is not failed after the 3 attempts a server error gets.
        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Matched);
    }

    [Fact]
    public async Task Enrich_TransientServerError_SucceedsOnRetry()
    {
        simulators.Clearbit.Faults.FailStatus = 500;
        simulators.Clearbit.Faults.FailEveryNth = 2;
        await using var harness = Harness();

        var result = await harness.EnrichAsync(Jane, TimeSpan.FromSeconds(2), providers: "clearbit");

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Matched);
    }

    [Fact]
    public async Task Enrich_WrongKey_IsUnauthorizedAndNotRetried()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Clearbit:ApiKey"] = "sk_wrong" });

        var result = await harness.EnrichAsync(Jane);

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Unauthorized);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_UnknownSubject_IsNoMatchFromBoth_AndNotPartial()
    {
        await using var harness = Harness();

        var result = await harness.EnrichAsync(SampleIdentifiers.UnknownEmail);

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.NoMatch);
        Outcome(result, "zoominfo").Status.ShouldBe(ProviderStatus.NoMatch);
        result.Partial.ShouldBeFalse();
        result.Source.ShouldBe("none");
    }

    [Fact]
    public async Task Enrich_RoleMailbox_IsInvalidInputAtClearbit()
    {
        await using var harness = Harness();

        var result = await harness.EnrichAsync("info@acme.com", providers: "clearbit");

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.InvalidInput);
        simulators.Clearbit.Calls.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Enrich_ProviderWithoutUsableIdentifier_IsSkipped()
    {
        await using var harness = Harness();

        var result = await harness.Engine.EnrichAsync(new EnrichmentRequest(harness.Identify(phone: SampleIdentifiers.JaneDoePhone)), CancellationToken.None);

        Outcome(result, "clearbit").Status.ShouldBe(ProviderStatus.Skipped);
        Outcome(result, "zoominfo").Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task Enrich_Company_ByDomain_UsesCompanyEndpoints()
    {
        await using var harness = Harness();

        var result = await harness.Engine.EnrichAsync(new EnrichmentRequest(harness.Identify(domain: "https://www.acme.com/about"), LookupKind.Company), CancellationToken.None);

        result.Outcomes.ShouldAllBe(o => o.Status == ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.CompanyName).ShouldBe("Acme Inc");
        result.Profile.Text(ProfileFields.CompanyDomain).ShouldBe("acme.com");
        simulators.Clearbit.Calls["/v2/companies/find"].ShouldBe(1);
        simulators.ZoomInfo.Calls["/enrich/company"].ShouldBe(1);
    }
}
