using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tributary.Connectors.Apollo;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Simulators;
using Tributary.IntegrationTests.Simulators.Apollo;
using Tributary.Profiles;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>The Apollo connector over HTTP against the Apollo simulator.</summary>
public sealed class ApolloConnectorTests(ApolloFixture fixture) : IClassFixture<ApolloFixture>, IDisposable
{
    private const string Apollo = ApolloConnector.ProviderName;

    private ApolloSimulator Simulator => fixture.Simulator;

    public void Dispose() => fixture.Reset();

    private ConnectorHarness Harness(string? baseUrl = null, string? apiKey = null) => new(
        new Dictionary<string, string?>
        {
            ["Providers:Apollo:ApiKey"] = apiKey ?? Simulator.ApiKey,
            ["Providers:Apollo:BaseUrl"] = baseUrl ?? Simulator.BaseUrl + "/api/v1",
        },
        tributary => tributary.AddApollo());

    /// <summary>Whether Apollo answers the person with its <c>email_not_unlocked@</c> placeholder (see the simulator's person JSON).</summary>
    private static bool EmailIsLocked(SamplePerson person) => person.Index != 0 && ApolloSimulator.Coverage.Score(person, "email", 0, 99) < 10;

    /// <summary>A person Apollo knows whose email roll (see the simulator's person JSON) falls in [min, max).</summary>
    private static async Task<SamplePerson> PersonWithEmailRollAsync(int min, int max)
    {
        var dataset = await TestDataset.Shared;
        return dataset.People.Skip(1).First(p => ApolloSimulator.Coverage.Knows(p) && ApolloSimulator.Coverage.Score(p, "email", 0, 99) is var roll && roll >= min && roll < max);
    }

    [Fact]
    public async Task Lookup_ByEmail_MapsThePersonAndTheirOrganization()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Apollo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Billed.ShouldBeTrue();
        result.Confidence.ShouldBe(ApolloMapping.VerifiedConfidence);
        var profile = result.Profile;
        profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        profile.Text(ProfileFields.Email).ShouldBe(SampleIdentifiers.JaneDoeEmail);
        profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        profile.Text(ProfileFields.Seniority).ShouldBe("vp");
        profile.Text(ProfileFields.Department).ShouldBe("engineering");
        profile.Text(ProfileFields.LinkedInUrl).ShouldBe("https://linkedin.com/in/janedoe");
        profile.Text(ProfileFields.Country).ShouldBe("US");
        profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
        profile.Text(ProfileFields.CompanyDomain).ShouldBe(SampleIdentifiers.AcmeDomain);
        profile.Number(ProfileFields.EmployeeCount).ShouldBe(500);
        profile.Text(ProfileFields.RevenueRange).ShouldBe("$50M-$100M");
        profile.List(ProfileFields.TechStack).ShouldBe(["salesforce", "hubspot", "aws"]);
        profile.List(ProfileFields.IntentKeywords).ShouldBe(["data enrichment", "crm integration", "sales intelligence"]);
    }

    [Fact]
    public async Task Lookup_ByNameAndCompany_Matches()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Apollo, harness.Person(new(Name: "Jane Doe", Company: SampleIdentifiers.AcmeName)));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.Email).ShouldBe(SampleIdentifiers.JaneDoeEmail);
    }

    [Fact]
    public async Task Lookup_WhenTheEmailIsNotUnlocked_NeverUsesThePlaceholder()
    {
        var locked = await PersonWithEmailRollAsync(0, 10);
        await using var harness = Harness();

        var result = await harness.LookupAsync(Apollo, harness.Person(new(LinkedInUrl: "linkedin.com/in/" + locked.LinkedInSlug)));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.FullName).ShouldBe(locked.FullName);
        result.Profile[ProfileFields.Email].ShouldBeNull();
        result.Confidence.ShouldBeLessThan(ApolloMapping.VerifiedConfidence);
    }

    [Fact]
    public async Task Lookup_WhenTheEmailIsExtrapolated_HasLowerConfidence()
    {
        var extrapolated = await PersonWithEmailRollAsync(10, 20);
        await using var harness = Harness();

        var result = await harness.LookupAsync(Apollo, harness.Email(extrapolated.Email));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Confidence.ShouldBeInRange(0.6, 0.85);
    }

    [Fact]
    public async Task Lookup_UnknownEmail_IsAnUnbilledNoMatch()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync(Apollo, harness.Email(SampleIdentifiers.UnknownEmail));

        result.Status.ShouldBe(ProviderStatus.NoMatch);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_Company_ByDomain()
    {
        await using var harness = Harness();

        var found = await harness.LookupAsync(Apollo, harness.Company(SampleIdentifiers.AcmeDomain));
        var missing = await harness.LookupAsync(Apollo, harness.Company("unknown-company.com"));

        found.Status.ShouldBe(ProviderStatus.Matched);
        found.Confidence.ShouldBe(ApolloMapping.OrganizationConfidence);
        found.Profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
        found.Profile.Text(ProfileFields.Industry).ShouldBe("Computer Software");
        found.Profile.Text(ProfileFields.CompanyPhone).ShouldStartWith("+1");
        missing.Status.ShouldBe(ProviderStatus.NoMatch);
        missing.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_WithAWrongKey_IsUnauthorized()
    {
        await using var harness = Harness(apiKey: "not-the-key");

        var result = await harness.LookupAsync(Apollo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        // Apollo answers 401 in plain text, not JSON.
        result.Status.ShouldBe(ProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData(400, ProviderStatus.InvalidInput)]
    [InlineData(403, ProviderStatus.Unauthorized)]
    [InlineData(422, ProviderStatus.InvalidInput)]
    [InlineData(500, ProviderStatus.ServerError)]
    public async Task Lookup_WhenApolloFails_ReportsTheStatus(int status, ProviderStatus expected)
    {
        Simulator.Faults.FailStatus = status;
        await using var harness = Harness();

        var result = await harness.LookupAsync(Apollo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(expected);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_WhenTheKeyIsNotScopedForTheEndpoint_IsUnauthorizedWithApolloCode()
    {
        await using var api = await StubApi.StartAsync(app => app.MapGet("/api/v1/organizations/enrich", () => Results.Text(
            """{"error":"This API key is not authorized to access api/v1/organizations/enrich.","error_code":"API_INACCESSIBLE"}""",
            "application/json", statusCode: 403)));
        await using var harness = Harness(api.BaseUrl + "/api/v1");

        var result = await harness.LookupAsync(Apollo, harness.Company(SampleIdentifiers.AcmeDomain));

        result.Status.ShouldBe(ProviderStatus.Unauthorized);
        result.Detail.ShouldBe("HTTP 403 API_INACCESSIBLE");
    }

    [Fact]
    public async Task Lookup_WhenRateLimited_IsRateLimitedAndPausesForRetryAfter()
    {
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 30;
        await using var harness = Harness();

        var result = await harness.LookupAsync(Apollo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.RateLimited);
        harness.Runtime(Apollo).Gate.PausedUntil.ShouldNotBeNull().ShouldBeGreaterThan(harness.Time.GetUtcNow().AddSeconds(20));
        Simulator.Calls["/api/v1/people/match"].ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_WhenTheMinuteWindowIsSpent_StopsCalling()
    {
        Simulator.Faults.PerMinuteLimit = 1;
        await using var harness = Harness();

        (await harness.LookupAsync(Apollo, harness.Email(SampleIdentifiers.JaneDoeEmail))).Status.ShouldBe(ProviderStatus.Matched);
        var second = await harness.LookupAsync(Apollo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        // x-minute-requests-left: 0 paused the provider; the second lookup never reached Apollo.
        second.Status.ShouldBe(ProviderStatus.RateLimited);
        Simulator.Calls["/api/v1/people/match"].ShouldBe(1);
    }

    [Fact]
    public async Task LookupMany_25People_Takes3CallsAndKeepsTheOrder()
    {
        var dataset = await TestDataset.Shared;
        await using var harness = Harness();
        var emails = Enumerable.Range(0, 25).Select(i => i % 7 == 4 ? $"nobody{i}@unknown-company.com" : dataset.People[i].Email).ToArray();

        var results = await harness.Bulk(Apollo).LookupManyAsync(emails.Select(e => harness.Email(e, batch: true)).ToArray(), CancellationToken.None);

        Simulator.Calls["/api/v1/people/bulk_match"].ShouldBe(3);
        results.Count.ShouldBe(25);
        for (var i = 0; i < emails.Length; i++)
        {
            if (i % 7 != 4 && ApolloSimulator.Coverage.Knows(dataset.People[i]))
            {
                results[i].Status.ShouldBe(ProviderStatus.Matched, $"query {i}");
                results[i].Profile.Text(ProfileFields.FullName).ShouldBe(dataset.People[i].FullName, $"query {i}");
            }
            else
            {
                results[i].Status.ShouldBe(ProviderStatus.NoMatch, $"query {i}");
                results[i].Billed.ShouldBeFalse();
            }
        }
    }

    [Theory]
    [InlineData(nameof(SimulatorFaults.BulkShuffled))]
    [InlineData(nameof(SimulatorFaults.BulkMissesOmitted))]
    public async Task LookupMany_WhenMatchesDoNotLineUpWithTheDetails_NeverPutsAPersonOnAnotherRow(string fault)
    {
        typeof(SimulatorFaults).GetProperty(fault)!.SetValue(Simulator.Faults, true);
        var dataset = await TestDataset.Shared;
        await using var harness = Harness();
        var people = dataset.People.Take(10).ToArray();
        var emails = people.Select((p, i) => i % 3 == 1 ? $"nobody{i}@unknown-company.com" : p.Email).ToArray();

        var results = await harness.Bulk(Apollo).LookupManyAsync(emails.Select(e => harness.Email(e, batch: true)).ToArray(), CancellationToken.None);

        Simulator.Calls["/api/v1/people/bulk_match"].ShouldBe(1);
        for (var i = 0; i < emails.Length; i++)
        {
            if (results[i].Status == ProviderStatus.Matched)
            {
                results[i].Profile.Text(ProfileFields.FullName).ShouldBe(people[i].FullName, $"row {i} got someone else's record");
            }

            // A person whose answer carries their real email is told apart wherever it stands.
            var known = i % 3 != 1 && ApolloSimulator.Coverage.Knows(people[i]);
            if (known && !EmailIsLocked(people[i]))
            {
                results[i].Status.ShouldBe(ProviderStatus.Matched, $"row {i}");
            }

            if (!known)
            {
                results[i].Status.ShouldNotBe(ProviderStatus.Matched, $"row {i}");
                results[i].Billed.ShouldBeFalse();
                if (fault == nameof(SimulatorFaults.BulkMissesOmitted))
                {
                    // Which null was whose is unknown once the answer is shorter: the row fails, to be asked again.
                    results[i].Status.ShouldBe(ProviderStatus.ServerError, $"row {i}");
                }
            }
        }
    }

    [Fact]
    public async Task LookupMany_ByLinkedInOrNameAndCompany_WhenMissesAreOmitted_PairsByThoseIdentifiers()
    {
        Simulator.Faults.BulkMissesOmitted = true;
        var dataset = await TestDataset.Shared;
        await using var harness = Harness();
        var byLinkedIn = dataset.People.Skip(1).Where(p => ApolloSimulator.Coverage.Knows(p) && ApolloSimulator.Coverage.Fills(p, "linkedin", 900)).Take(3).ToArray();
        var byName = dataset.People.Skip(40).Where(ApolloSimulator.Coverage.Knows).Take(3).ToArray();
        var queries = byLinkedIn.Select(p => harness.Person(new(LinkedInUrl: "linkedin.com/in/" + p.LinkedInSlug), batch: true))
            .Append(harness.Person(new(Name: "Nobody Atall", Company: "Unknown Holdings"), batch: true))
            .Concat(byName.Select(p => harness.Person(new(Name: p.FullName, Company: p.Company.Name), batch: true)))
            .Append(harness.Person(new(LinkedInUrl: "linkedin.com/in/nobody-at-all-0"), batch: true))
            .ToArray();

        var results = await harness.Bulk(Apollo).LookupManyAsync(queries, CancellationToken.None);

        var expected = byLinkedIn.Select(p => p.FullName).Append(null).Concat(byName.Select(p => p.FullName)).Append(null).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] is { } name)
            {
                results[i].Status.ShouldBe(ProviderStatus.Matched, $"row {i}");
                results[i].Profile.Text(ProfileFields.FullName).ShouldBe(name, $"row {i}");
            }
            else
            {
                results[i].Status.ShouldBe(ProviderStatus.ServerError, $"row {i}");
            }
        }
    }

    [Fact]
    public async Task LookupMany_WhenTheCallFails_EveryQueryGetsTheFailure()
    {
        await using var harness = Harness(apiKey: "not-the-key");
        string[] emails = [SampleIdentifiers.JaneDoeEmail, SampleIdentifiers.UnknownEmail];

        var results = await harness.Bulk(Apollo).LookupManyAsync(emails.Select(e => harness.Email(e, batch: true)).ToArray(), CancellationToken.None);

        results.ShouldAllBe(r => r.Status == ProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("verified", null, "jane@acme.com", 0.95)]
    [InlineData("extrapolated", 0.8, "jane@acme.com", 0.8)]
    [InlineData("guessed", null, "jane@acme.com", 0.75)]
    [InlineData("unavailable", null, null, 0.55)]
    [InlineData("verified", null, "email_not_unlocked@acme.com", 0.75)]
    public void Confidence_FollowsTheEmailStatus(string status, double? extrapolated, string? email, double expected)
    {
        var person = new ApolloPerson(null, null, null, null, null, null, status, extrapolated, email, null, null, null, null, null, null);

        ApolloMapping.Confidence(person).ShouldBe(expected);
    }
}
