using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.Connectors.Hunter;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Simulators.Hunter;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>The Hunter connector over HTTP against the Hunter simulator, with Hunter's own status meanings.</summary>
public sealed class HunterConnectorTests(HunterFixture fixture) : IClassFixture<HunterFixture>, IDisposable
{
    private const string Hunter = HunterConnector.ProviderName;

    private HunterSimulator Simulator => fixture.Simulator;

    public void Dispose() => fixture.Reset();

    private ConnectorHarness Harness(string? authStyle = null, string? apiKey = null, TimeProvider? time = null) => new(
        new Dictionary<string, string?>
        {
            ["Providers:Hunter:ApiKey"] = apiKey ?? Simulator.ApiKey,
            ["Providers:Hunter:BaseUrl"] = Simulator.BaseUrl + "/v2",
            ["Providers:Hunter:AuthStyle"] = authStyle,
        },
        tributary => tributary.AddHunter(),
        time);

    [Theory]
    [InlineData(null)]
    [InlineData("query")]
    public async Task Lookup_ByEmail_UsesCombinedFind(string? authStyle)
    {
        await using var harness = Harness(authStyle);

        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Billed.ShouldBeTrue();
        result.Confidence.ShouldBe(HunterMapping.ExactConfidence);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        result.Profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        result.Profile.Text(ProfileFields.LinkedInUrl).ShouldBe("https://linkedin.com/in/janedoe");
        result.Profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
        result.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(500);
        Simulator.Calls["/v2/combined/find"].ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_ByNameAndDomain_UsesTheEmailFinder()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Hunter, harness.Person(new(Name: "Jane Doe", Domain: SampleIdentifiers.AcmeDomain)));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.Email).ShouldBe(SampleIdentifiers.JaneDoeEmail);
        result.Profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);

        // Jane scores 99 with a valid SMTP check.
        result.Confidence.ShouldBe(0.99);
        Simulator.Calls["/v2/email-finder"].ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_WhenTheFinderFindsNoAddress_IsAnUnbilledNoMatch()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Hunter, harness.Person(new(Name: "Nobody Anywhere", Domain: SampleIdentifiers.AcmeDomain)));

        result.Status.ShouldBe(ProviderStatus.NoMatch);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_UnknownEmail_IsAnUnbilledNoMatch()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.UnknownEmail));

        result.Status.ShouldBe(ProviderStatus.NoMatch);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_Company_ByDomain()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Hunter, harness.Company(SampleIdentifiers.AcmeDomain));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
        result.Profile.List(ProfileFields.TechStack).ShouldBe(["salesforce", "hubspot", "aws"]);
        result.Profile.Text(ProfileFields.CompanyLinkedInUrl).ShouldBe("https://linkedin.com/company/acme");
    }

    [Fact]
    public async Task Lookup_WhenThePersonOptedOut_SuppressesTheSubject()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.OptedOutEmail));

        result.Status.ShouldBe(ProviderStatus.InvalidInput);
        result.SuppressSubject.ShouldBeTrue();
        result.Billed.ShouldBeFalse();
        result.Profile.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Lookup_WhenCreditsAreExhausted_IsBudgetExhaustedUntilNextMonth()
    {
        Simulator.Faults.CreditsExhausted = true;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero));
        await using var harness = Harness(time: time);

        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.BudgetExhausted);
        result.ExhaustedUntil.ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        result.Billed.ShouldBeFalse();

        // 429 is Hunter's "monthly quota used up": retrying cannot help.
        Simulator.Calls["/v2/combined/find"].ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_WhenThrottled_RetriesThenReportsRateLimited()
    {
        Simulator.Faults.FailStatus = 403;
        await using var harness = Harness();

        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.RateLimited);
        Simulator.Calls["/v2/combined/find"].ShouldBe(3);
    }

    [Fact]
    public async Task Lookup_WhenThrottledOnce_RetriesAndMatches()
    {
        Simulator.Faults.FailStatus = 403;
        Simulator.Faults.FailEveryNth = 2;
        await using var harness = Harness();
        await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.JaneDoeEmail));

        // Request 2 is throttled, its retry (request 3) is not.
        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        Simulator.Calls["/v2/combined/find"].ShouldBe(3);
    }

    [Theory]
    [InlineData(400, ProviderStatus.InvalidInput)]
    [InlineData(422, ProviderStatus.InvalidInput)]
    [InlineData(500, ProviderStatus.ServerError)]
    public async Task Lookup_WhenHunterFails_ReportsTheStatus(int status, ProviderStatus expected)
    {
        Simulator.Faults.FailStatus = status;
        await using var harness = Harness();

        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(expected);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_WithAWrongKey_IsUnauthorized()
    {
        await using var harness = Harness(apiKey: "not-the-key");

        var result = await harness.LookupAsync(Hunter, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Unauthorized);
    }

    [Fact]
    public async Task Options_WithAnUnknownAuthStyle_FailValidation()
    {
        await using var harness = Harness(authStyle: "cookie");

        var error = Should.Throw<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptions<HunterOptions>>().Value);

        error.Message.ShouldContain("Providers:Hunter:AuthStyle");
    }

    [Fact]
    public void RateLimits_TreatThrottlingAsRetryableAndSpentCreditsAsFinal()
    {
        HunterRateLimits.IsRetryable(System.Net.HttpStatusCode.Forbidden).ShouldBeTrue();
        HunterRateLimits.IsRetryable(System.Net.HttpStatusCode.ServiceUnavailable).ShouldBeTrue();
        HunterRateLimits.IsRetryable(System.Net.HttpStatusCode.TooManyRequests).ShouldBeFalse();
        HunterRateLimits.IsRetryable(System.Net.HttpStatusCode.UnavailableForLegalReasons).ShouldBeFalse();
        HunterRateLimits.Read(new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden), DateTimeOffset.UnixEpoch).Throttled.ShouldBeTrue();
        HunterRateLimits.Read(new HttpResponseMessage(System.Net.HttpStatusCode.OK), DateTimeOffset.UnixEpoch).IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData(97.0, "valid", false, 0.97)]
    [InlineData(80.0, "accept_all", true, 0.68)]
    [InlineData(80.0, null, true, 0.68)]
    [InlineData(90.0, "unknown", false, 0.81)]
    [InlineData(90.0, "invalid", false, 0.27)]
    [InlineData(100.0, "valid", false, 0.99)]
    public void Confidence_FollowsScoreAndVerification(double score, string? status, bool acceptAll, double expected)
    {
        var finder = new HunterFinder("Jane", "Doe", "jane@acme.com", score, "acme.com", acceptAll, null, null, null, null, new HunterVerification(null, status));

        HunterMapping.Confidence(finder).ShouldBe(expected);
    }
}
