using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Simulators;
using Tributary.IntegrationTests.Simulators.PeopleDataLabs;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>The People Data Labs connector over HTTP against the PDL simulator.</summary>
public sealed class PeopleDataLabsConnectorTests(PeopleDataLabsFixture fixture) : IClassFixture<PeopleDataLabsFixture>, IDisposable
{
    private const string Pdl = PeopleDataLabsConnector.ProviderName;

    private PeopleDataLabsSimulator Simulator => fixture.Simulator;

    public void Dispose() => fixture.Reset();

    private ConnectorHarness Harness(string? baseUrl = null, string? apiKey = null, TimeProvider? time = null) => new(
        new Dictionary<string, string?>
        {
            ["Providers:PeopleDataLabs:ApiKey"] = apiKey ?? Simulator.ApiKey,
            ["Providers:PeopleDataLabs:BaseUrl"] = baseUrl ?? Simulator.BaseUrl + "/v5",
        },
        tributary => tributary.AddPeopleDataLabs(),
        time);

    [Fact]
    public async Task Lookup_ByEmail_MapsTitleCasedFieldsWithHighConfidence()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Billed.ShouldBeTrue();
        result.Confidence.ShouldBeInRange(0.95, 0.99);
        var profile = result.Profile;
        profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        profile.Text(ProfileFields.FirstName).ShouldBe("Jane");
        profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        profile.Text(ProfileFields.Seniority).ShouldBe("vp");
        profile.Text(ProfileFields.Department).ShouldBe("engineering");
        profile.Text(ProfileFields.Email).ShouldBe(SampleIdentifiers.JaneDoeEmail);
        profile.Text(ProfileFields.Phone).ShouldBe(SampleIdentifiers.JaneDoePhone);
        profile.Text(ProfileFields.LinkedInUrl).ShouldBe("https://linkedin.com/in/janedoe");
        profile.Text(ProfileFields.City).ShouldBe("San Francisco");
        profile.Text(ProfileFields.Country).ShouldBe("US");
        profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
        profile.Text(ProfileFields.CompanyDomain).ShouldBe(SampleIdentifiers.AcmeDomain);
        profile[ProfileFields.FullName]!.Source.ShouldBe(Pdl);
    }

    [Theory]
    [InlineData(null, SampleIdentifiers.JaneDoePhone, null, null, null)]
    [InlineData(null, null, null, null, "https://www.linkedin.com/in/janedoe")]
    [InlineData(null, null, "Jane Doe", "Acme Inc", null)]
    public async Task Lookup_ByOtherIdentifiers_Matches(string? email, string? phone, string? name, string? company, string? linkedIn)
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Pdl, harness.Person(new RawIdentifiers(email, phone, Name: name, Company: company, LinkedInUrl: linkedIn)));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        result.Confidence.ShouldBeInRange(0.5, 0.99);
    }

    [Fact]
    public async Task Lookup_Company_ByWebsite()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Pdl, harness.Company(SampleIdentifiers.AcmeDomain));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Confidence.ShouldBeGreaterThan(0.9);
        result.Profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
        result.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(500);
        result.Profile.Text(ProfileFields.RevenueRange).ShouldBe("$50M-$100M");
        result.Profile.Text(ProfileFields.CompanyCountry).ShouldBe("US");
        result.Profile.Text(ProfileFields.CompanyLinkedInUrl).ShouldBe("https://linkedin.com/company/acme");
    }

    [Fact]
    public async Task Lookup_UnknownEmail_IsAnUnbilledNoMatch()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.UnknownEmail));

        result.Status.ShouldBe(ProviderStatus.NoMatch);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_WhenCreditsAreExhausted_IsBudgetExhaustedUntilReset()
    {
        Simulator.Faults.CreditsExhausted = true;
        await using var harness = Harness();
        var before = harness.Time.GetUtcNow();

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.BudgetExhausted);
        result.Billed.ShouldBeFalse();

        // The simulator reports the end of its one-minute window in x-ratelimit-reset.
        result.ExhaustedUntil.ShouldNotBeNull();
        result.ExhaustedUntil.Value.ShouldBeInRange(before, before.AddSeconds(61));
        Simulator.Calls["/v5/person/enrich"].ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_WhenCreditsAreExhaustedWithoutAResetHeader_IsBudgetExhaustedUntilUtcMidnight()
    {
        await using var api = await StubApi.StartAsync(app => app.MapGet("/v5/person/enrich", () => Results.Text(
            """{"status":402,"error":{"type":"payment_required","message":"You have reached your account maximum"}}""", "application/json", statusCode: 402)));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 15, 30, 0, TimeSpan.Zero));
        await using var harness = Harness(api.BaseUrl + "/v5", time: time);

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.BudgetExhausted);
        result.ExhaustedUntil.ShouldBe(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Lookup_WhenRateLimited_IsRateLimitedAndPausesTheProviderUntilReset()
    {
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 30;
        await using var harness = Harness();

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.RateLimited);

        // PDL sends no Retry-After: the pause comes from x-ratelimit-reset, 30 s ahead.
        harness.Runtime(Pdl).Gate.PausedUntil.ShouldNotBeNull().ShouldBeGreaterThan(harness.Time.GetUtcNow().AddSeconds(20));
    }

    [Fact]
    public async Task Lookup_WhenTheMinuteWindowIsSpent_StopsCallingUntilTheReset()
    {
        Simulator.Faults.PerMinuteLimit = 2;
        await using var harness = Harness();

        (await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail))).Status.ShouldBe(ProviderStatus.Matched);
        (await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail))).Status.ShouldBe(ProviderStatus.Matched);
        var third = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        // The second answer said {'minute': 0}: the third never reaches PDL.
        third.Status.ShouldBe(ProviderStatus.RateLimited);
        Simulator.Calls["/v5/person/enrich"].ShouldBe(2);
        harness.Runtime(Pdl).Gate.PausedUntil.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(400, ProviderStatus.InvalidInput)]
    [InlineData(401, ProviderStatus.Unauthorized)]
    [InlineData(403, ProviderStatus.Unauthorized)]
    [InlineData(405, ProviderStatus.InvalidInput)]
    [InlineData(500, ProviderStatus.ServerError)]
    public async Task Lookup_WhenPdlFails_ReportsTheStatus(int status, ProviderStatus expected)
    {
        Simulator.Faults.FailStatus = status;
        await using var harness = Harness();

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(expected);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_WithAWrongKey_IsUnauthorized()
    {
        await using var harness = Harness(apiKey: "not-the-key");

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Unauthorized);
    }

    [Fact]
    public async Task Lookup_WhenContactFieldsArePlanGatedBooleans_ReadsThemAsAbsent()
    {
        await using var api = await StubApi.StartAsync(app => app.MapGet("/v5/person/enrich", () => Results.Text(
            """
            {"status":200,"likelihood":7,"data":{"full_name":"jane doe","first_name":"jane","last_name":"doe","work_email":true,
             "personal_emails":true,"mobile_phone":true,"phone_numbers":true,"job_title":"vp of engineering","job_title_levels":["vp"],
             "location_locality":"san francisco","location_country":"united states","location_street_address":false}}
            """, "application/json")));
        await using var harness = Harness(api.BaseUrl + "/v5");

        var result = await harness.LookupAsync(Pdl, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Confidence.ShouldBe(PeopleDataLabsMapping.Confidence(7));
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        result.Profile.Text(ProfileFields.JobTitle).ShouldBe("VP of Engineering");
        result.Profile[ProfileFields.Email].ShouldBeNull();
        result.Profile[ProfileFields.Phone].ShouldBeNull();
    }

    [Fact]
    public async Task LookupMany_250People_Takes3CallsAndKeepsTheOrder()
    {
        var dataset = await TestDataset.Shared;
        await using var harness = Harness();

        // Every tenth query asks for somebody nobody knows, so the answers must be matched back by position.
        var emails = Enumerable.Range(0, 250).Select(i => i % 10 == 3 ? $"nobody{i}@unknown-company.com" : dataset.People[i].Email).ToArray();
        var results = await harness.Bulk(Pdl).LookupManyAsync(emails.Select(e => harness.Email(e, batch: true)).ToArray(), CancellationToken.None);

        Simulator.Calls["/v5/person/bulk"].ShouldBe(3);
        results.Count.ShouldBe(250);
        for (var i = 0; i < emails.Length; i++)
        {
            var person = dataset.People[i];
            if (i % 10 != 3 && PeopleDataLabsSimulator.Coverage.Knows(person))
            {
                results[i].Status.ShouldBe(ProviderStatus.Matched, $"query {i}");
                results[i].Billed.ShouldBeTrue();

                // PDL lower-cases names; title case cannot bring back an inner capital ("OBrien").
                results[i].Profile.Text(ProfileFields.FullName).ToLowerInvariant().ShouldBe(person.FullName.ToLowerInvariant(), $"query {i}");
            }
            else
            {
                results[i].Status.ShouldBe(ProviderStatus.NoMatch, $"query {i}");
                results[i].Billed.ShouldBeFalse();
            }
        }
    }

    [Fact]
    public async Task LookupMany_WhenCreditsAreExhausted_EveryQueryIsBudgetExhausted()
    {
        Simulator.Faults.CreditsExhausted = true;
        await using var harness = Harness();
        string[] emails = [SampleIdentifiers.JaneDoeEmail, SampleIdentifiers.UnknownEmail];

        var results = await harness.Bulk(Pdl).LookupManyAsync(emails.Select(e => harness.Email(e, batch: true)).ToArray(), CancellationToken.None);

        results.ShouldAllBe(r => r.Status == ProviderStatus.BudgetExhausted && r.ExhaustedUntil != null);
    }

    [Theory]
    [InlineData(1, 0.30, 0.40)]
    [InlineData(2, 0.50, 0.50)]
    [InlineData(6, 0.90, 0.92)]
    [InlineData(10, 0.99, 0.99)]
    public void Confidence_FollowsTheLogarithmicLikelihoodScale(int likelihood, double low, double high) =>
        PeopleDataLabsMapping.Confidence(likelihood).ShouldBeInRange(low, high);

    [Fact]
    public void Confidence_RisesWithEveryLikelihoodStep()
    {
        var values = Enumerable.Range(1, 10).Select(l => PeopleDataLabsMapping.Confidence(l)).ToArray();

        values.ShouldBe(values.Order().ToArray());
        values.Distinct().Count().ShouldBe(10);
    }
}
