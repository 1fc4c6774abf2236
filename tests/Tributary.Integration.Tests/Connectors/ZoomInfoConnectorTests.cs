using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Simulators;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// The ZoomInfo connector over HTTP: ZoomInfo's documented answers (from a stub serving the reference payloads), and
/// the simulator answering out of order, leaving a result out, or refusing fields the account is not entitled to.
/// </summary>
public sealed class ZoomInfoConnectorTests
{
    private const string ZoomInfo = ZoomInfoConnector.ProviderName;

    /// <summary>zoominfo-authenticate.json.</summary>
    private const string AuthenticateAnswer = """{"success":true,"jwt":"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl"}""";

    /// <summary>zoominfo-enrich-contact.json (legacy), cut to the members the connector reads.</summary>
    private const string LegacyContactAnswer = """
        {"success":true,"data":{"outputFields":[["id","firstname","lastname","email","phone","jobtitle","managementlevel","contactaccuracyscore","externalurls","companyid","companyname"]],
         "result":[{"input":{"companyid":346572700,"firstname":"henry","lastname":"schuck"},
          "data":[{"id":1260398587,"firstName":"Henry","middleName":"L.","lastName":"Schuck","email":"henry.schuck@zoominfo.com",
            "hasCanadianEmail":"false","phone":"(360) 783-6816","city":"Vancouver","state":"Washington","country":"United States",
            "jobTitle":"Founder & Chief Executive Officer","jobFunction":[{"name":"Executive","department":"C-Suite"}],
            "externalUrls":[{"type":"linkedin.com","url":"https://www.linkedin.com/in/hschuck"},{"type":"twitter.com","url":"https://www.twitter.com/henrylschuck"}],
            "contactAccuracyScore":96,"managementLevel":["C-Level"],
            "employmentHistory":[{"jobTitle":"Vice President of Data and Marketing","managementLevel":["VP-Level"]}],
            "company":{"id":344589814,"name":"ZoomInfo","phone":"(360) 783-6800","city":"Vancouver","country":"United States",
              "website":"www.zoominfo.com","employeeCount":1500,"primaryIndustry":["Software"],"revenueRange":"$250 mil. - $500 mil."}}]}]}}
        """;

    /// <summary>zoominfo-gtm-enrich-contact.json with its two results in the opposite order, cut to what the connector reads.</summary>
    private const string GtmContactAnswer = """
        {"data":[
          {"attributes":{"city":"Bethesda","company":{"id":346572700,"name":"ZoomInfo","employeeCount":3508},"country":"United States",
            "email":"filip@discoverorg.com","firstName":"Filip","jobTitle":"Chief Technology Officer","managementLevel":["C-Level"],"state":"Maryland"},
           "id":"234343645","meta":{"input":{"personId":4191419698},"matchStatus":"FULL_MATCH"},"type":"Contact"},
          {"attributes":{"company":{"id":346572700,"name":"ZoomInfo","employeeCount":3508,"primaryIndustry":["Software","Business Intelligence Software"]},
            "country":"United States","email":"henry@zoominfo.com","jobTitle":"Chief Executive Officer & Board Member","region":"Massachusetts",
            "state":"Massachusetts","street":"404 Wyman St","zipCode":"02451"},
           "id":"344589814","meta":{"input":{"companyName":"zoominfo","firstName":"henry","lastName":"schuck"},"matchStatus":"FULL_MATCH"},"type":"Contact"}]}
        """;

    [Fact]
    public async Task Lookup_TheDocumentedLegacyAnswer_MapsItsValues()
    {
        await using var zoominfo = await StubAsync(LegacyContactAnswer);
        await using var harness = Harness(zoominfo.BaseUrl);

        var result = await harness.LookupAsync(ZoomInfo, harness.Person(new(Name: "Henry Schuck", Company: "ZoomInfo")));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Confidence.ShouldBe(0.96);
        var profile = result.Profile;
        profile.Text(ProfileFields.FullName).ShouldBe("Henry Schuck");
        profile.Text(ProfileFields.Email).ShouldBe("henry.schuck@zoominfo.com");
        profile.Text(ProfileFields.Phone).ShouldBe("+13607836816");
        profile.Text(ProfileFields.JobTitle).ShouldBe("Founder & Chief Executive Officer");
        profile.Text(ProfileFields.Seniority).ShouldBe("c_suite");
        profile.Text(ProfileFields.LinkedInUrl).ShouldBe("https://linkedin.com/in/hschuck");
        profile.Text(ProfileFields.City).ShouldBe("Vancouver");
        profile.Text(ProfileFields.Country).ShouldBe("US");
        profile.Text(ProfileFields.CompanyName).ShouldBe("ZoomInfo");
        profile.Text(ProfileFields.CompanyDomain).ShouldBe("zoominfo.com");
        profile.Number(ProfileFields.EmployeeCount).ShouldBe(1500);
        profile.Text(ProfileFields.Industry).ShouldBe("Software");
    }

    [Theory]
    [InlineData("\"1,500\"", 1500L)]
    [InlineData("1500.0", 1500L)]
    [InlineData("1e20", null)]
    [InlineData("\"unknown\"", null)]
    public async Task Lookup_WhenTheEmployeeCountHasAnOddForm_ReadsItLenientlyAndKeepsTheRecord(string employeeCount, long? expected)
    {
        await using var zoominfo = await StubAsync(LegacyContactAnswer.Replace("\"employeeCount\":1500", "\"employeeCount\":" + employeeCount));
        await using var harness = Harness(zoominfo.BaseUrl);

        var result = await harness.LookupAsync(ZoomInfo, harness.Person(new(Name: "Henry Schuck", Company: "ZoomInfo")));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.CompanyName).ShouldBe("ZoomInfo");
        if (expected is { } count)
        {
            result.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(count);
        }
        else
        {
            result.Profile[ProfileFields.EmployeeCount].ShouldBeNull();
        }
    }

    [Fact]
    public async Task Lookup_TheDocumentedGtmAnswer_TakesTheResultEchoingTheInput_WhereverItStands()
    {
        await using var zoominfo = await StubAsync(GtmContactAnswer);
        await using var harness = Harness(zoominfo.BaseUrl);

        var result = await harness.LookupAsync(ZoomInfo, harness.Person(new(Name: "Henry Schuck", Company: "zoominfo")));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.Email).ShouldBe("henry@zoominfo.com");
        result.Profile.Text(ProfileFields.JobTitle).ShouldBe("Chief Executive Officer & Board Member");
        result.Profile.Text(ProfileFields.State).ShouldBe("Massachusetts");
        result.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(3508);
    }

    [Fact]
    public async Task LookupMany_WhenResultsComeBackShuffled_PairsEachResultWithItsInput()
    {
        await using var simulator = await StartAsync(new SimulatorOptions { ZoomInfoResultOrder = ZoomInfoResultOrder.Shuffled });
        await using var harness = Harness(simulator);
        var known = (await TestDataset.Shared).People.Where(ZoomInfoSimulator.Coverage.Knows).Take(8).ToArray();
        var queries = known.Select(p => harness.Email(p.Email, batch: true))
            .Append(harness.Email(SampleIdentifiers.UnknownEmail, batch: true))
            .Append(harness.Person(new(Phone: known[2].Phone), batch: true))
            .Append(harness.Person(new(Name: known[3].FullName, Company: known[3].Company.Name), batch: true))
            .ToArray();

        var results = await harness.Bulk(ZoomInfo).LookupManyAsync(queries, CancellationToken.None);

        for (var i = 0; i < known.Length; i++)
        {
            results[i].Status.ShouldBe(ProviderStatus.Matched);
            results[i].Profile.Text(ProfileFields.Email).ShouldBe(known[i].Email);
            results[i].Profile.Text(ProfileFields.JobTitle).ShouldBe(known[i].Title);
        }

        results[8].Status.ShouldBe(ProviderStatus.NoMatch);
        results[9].Profile.Text(ProfileFields.Email).ShouldBe(known[2].Email);
        results[10].Profile.Text(ProfileFields.Email).ShouldBe(known[3].Email);
        simulator.Calls["/enrich/contact"].ShouldBe(1);
    }

    [Fact]
    public async Task LookupMany_Companies_Go25ToACall_EachPairedWithItsWebsite()
    {
        await using var simulator = await StartAsync(new SimulatorOptions { ZoomInfoResultOrder = ZoomInfoResultOrder.Shuffled });
        await using var harness = Harness(simulator);
        var companies = (await TestDataset.Shared).Companies.Where(ZoomInfoSimulator.Coverage.Knows).Take(30).ToArray();

        var results = await harness.Bulk(ZoomInfo).LookupManyAsync(companies.Select(c => harness.Company(c.Domain, batch: true)).ToArray(), CancellationToken.None);

        simulator.Calls["/enrich/company"].ShouldBe(2);
        for (var i = 0; i < companies.Length; i++)
        {
            results[i].Status.ShouldBe(ProviderStatus.Matched);
            results[i].Profile.Text(ProfileFields.CompanyName).ShouldBe(companies[i].Name);
        }
    }

    [Fact]
    public async Task LookupMany_ACompanyEchoedWithItsWebsiteWritten_AnotherWay_IsStillPaired()
    {
        await using var zoominfo = await StubAsync("""
            {"success":true,"data":{"outputFields":[["id","name"]],"result":[
              {"input":{"companywebsite":"https://www.globex.com/"},"data":[{"id":2,"name":"Globex"}]},
              {"input":{"companywebsite":"www.acme.com"},"data":[{"id":1,"name":"Acme"}]}]}}
            """);
        await using var harness = Harness(zoominfo.BaseUrl);

        var results = await harness.Bulk(ZoomInfo).LookupManyAsync([harness.Company("acme.com", batch: true), harness.Company("globex.com", batch: true)], CancellationToken.None);

        results.Select(r => r.Status).ShouldBe([ProviderStatus.Matched, ProviderStatus.Matched], string.Join(", ", results.Select(r => r.Detail)));
        results.Select(r => r.Profile.Text(ProfileFields.CompanyName)).ShouldBe(["Acme", "Globex"]);
    }

    [Fact]
    public async Task LookupMany_WhenAnAnswerThatNamesItsMissesLeavesOneOut_ThatSubjectFails_AndTheRestArePaired()
    {
        // Every result of the simulator's answer carries a matchStatus, so leaving one out is not its way of saying
        // "no match": storing it as a miss would keep the subject from being asked again for a week.
        await using var simulator = await StartAsync(new SimulatorOptions { ZoomInfoResultOrder = ZoomInfoResultOrder.ShuffledOneMissing });
        await using var harness = Harness(simulator);
        var known = (await TestDataset.Shared).People.Where(ZoomInfoSimulator.Coverage.Knows).Take(5).ToArray();

        var results = await harness.Bulk(ZoomInfo).LookupManyAsync(known.Select(p => harness.Email(p.Email, batch: true)).ToArray(), CancellationToken.None);

        results[0].Status.ShouldBe(ProviderStatus.ServerError);
        results[0].Billed.ShouldBeFalse();
        for (var i = 1; i < known.Length; i++)
        {
            results[i].Status.ShouldBe(ProviderStatus.Matched);
            results[i].Profile.Text(ProfileFields.Email).ShouldBe(known[i].Email);
        }
    }

    [Fact]
    public async Task LookupMany_WhenAnAnswerThatNeverNamesAMissLeavesOneOut_ThatSubjectIsANoMatch()
    {
        // A legacy answer with no matchStatus and no empty result: leaving an input out is how it says "nothing found".
        await using var zoominfo = await StubAsync("""
            {"success":true,"data":{"outputFields":[["id","email"]],"result":[
              {"input":{"emailaddress":"second.person@example.com"},"data":[{"id":7,"email":"second.person@example.com"}]}]}}
            """);
        await using var harness = Harness(zoominfo.BaseUrl);

        var results = await harness.Bulk(ZoomInfo).LookupManyAsync(
            [harness.Email("first.person@example.com", batch: true), harness.Email("second.person@example.com", batch: true)], CancellationToken.None);

        results.Select(r => r.Status).ShouldBe([ProviderStatus.NoMatch, ProviderStatus.Matched]);
    }

    [Fact]
    public async Task Lookup_AContactWithALastNameOnly_HasNoFullName_SoAnotherProvidersWins()
    {
        await using var zoominfo = await StubAsync("""
            {"success":true,"data":{"outputFields":[["id","lastName"]],"result":[
              {"input":{"emailaddress":"mrg2.user@acme.com"},"data":[{"id":7,"lastName":"User","email":"mrg2.user@acme.com"}]}]}}
            """);
        await using var harness = Harness(zoominfo.BaseUrl);

        var result = await harness.LookupAsync(ZoomInfo, harness.Email("mrg2.user@acme.com"));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.LastName).ShouldBe("User");
        result.Profile.Text(ProfileFields.FullName).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"success":true,"data":{"outputFields":[["id"]],"result":[]}}""")]
    public async Task Lookup_AnAnswerWithNoResultAtAll_IsANoMatch(string answer)
    {
        await using var zoominfo = await StubAsync(answer);
        await using var harness = Harness(zoominfo.BaseUrl);

        var result = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.UnknownEmail));

        result.Status.ShouldBe(ProviderStatus.NoMatch);
        result.Billed.ShouldBeFalse();
    }

    [Fact]
    public async Task LookupMany_AResultThatFitsNoInput_LeavesTheUnansweredOnesFailed_NotNoMatches()
    {
        // It may be one of theirs under an echo not recognised, so neither is recorded as a no-match.
        await using var zoominfo = await StubAsync("""
            {"data":[{"type":"Contact","id":"1","attributes":{"email":"someone.else@example.com"},
              "meta":{"input":{"emailAddress":"someone.else@example.com"},"matchStatus":"FULL_MATCH"}}]}
            """);
        await using var harness = Harness(zoominfo.BaseUrl);

        var results = await harness.Bulk(ZoomInfo).LookupManyAsync(
            [harness.Email("first.person@example.com", batch: true), harness.Email("second.person@example.com", batch: true)], CancellationToken.None);

        results.Select(r => r.Status).ShouldBe([ProviderStatus.ServerError, ProviderStatus.ServerError]);
    }

    [Theory]
    [InlineData(429, ProviderStatus.RateLimited)]
    [InlineData(503, ProviderStatus.ServerError)]
    public async Task Lookup_WhenAuthenticateIsThrottledOrFailing_IsNotAskedAgainAtOnce(int status, ProviderStatus expected)
    {
        var logins = 0;
        await using var zoominfo = await StubApi.StartAsync(app => app.MapPost("/authenticate", (HttpResponse response) =>
        {
            Interlocked.Increment(ref logins);
            response.Headers.RetryAfter = "30";
            return Results.StatusCode(status);
        }));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = Harness(zoominfo.BaseUrl, time: time);

        var first = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));
        var paused = harness.Runtime(ZoomInfo).Gate.PausedUntil;
        var second = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));
        time.Advance(TimeSpan.FromSeconds(31));
        await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        first.Status.ShouldBe(expected);
        second.Status.ShouldBe(expected);
        logins.ShouldBe(2);

        // A throttled login pauses the provider as a throttled lookup would, so /v1/providers shows it.
        paused.ShouldBe(status == 429 ? time.GetUtcNow() - TimeSpan.FromSeconds(1) : null);
    }

    [Fact]
    public async Task Lookup_WithTheDefaultOutputFields_WorksForAnOrdinaryAccount()
    {
        // An ordinary account lacks the mobilePhone add-on; asking for it would fail every call.
        await using var simulator = await StartAsync(new SimulatorOptions());
        await using var harness = Harness(simulator);

        var person = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));
        var company = await harness.LookupAsync(ZoomInfo, harness.Company(SampleIdentifiers.AcmeDomain));

        person.Status.ShouldBe(ProviderStatus.Matched);
        person.Profile.Text(ProfileFields.Seniority).ShouldBe("vp");
        person.Profile.Text(ProfileFields.Phone).ShouldBe(SampleIdentifiers.JaneDoePhone);
        company.Status.ShouldBe(ProviderStatus.Matched);
        company.Profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
    }

    [Fact]
    public async Task Lookup_AskingForAFieldTheAccountLacks_IsUnauthorized_AndNamesTheSetting()
    {
        await using var simulator = await StartAsync(new SimulatorOptions());
        await using var harness = Harness(simulator, new() { ["Providers:ZoomInfo:OutputFields"] = "id,email,mobilePhone" });

        var result = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Unauthorized);
        result.Detail.ShouldNotBeNull().ShouldContain("Providers:ZoomInfo:OutputFields");
    }

    [Theory]
    [InlineData(403, """{"success":false,"error":"You have used up all of your allowed record limit"}""")]
    [InlineData(400, """{"error":{"code":"PFAPI0011","message":"Credit limit reached","status":400,"retryable":false}}""")]
    public async Task Lookup_WhenTheRecordLimitIsUsedUp_IsBudgetExhaustedUntilTheNextUtcDay(int status, string answer)
    {
        await using var zoominfo = await StubAsync(answer, status);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 15, 30, 0, TimeSpan.Zero));
        await using var harness = Harness(zoominfo.BaseUrl, time: time);

        var result = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.BudgetExhausted);
        result.Billed.ShouldBeFalse();
        result.ExhaustedUntil.ShouldBe(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("""{"error":{"code":"ZI0002","message":"The token lacks the scope api:data:contact","status":403,"retryable":false}}""")]
    [InlineData("""{"error":{"code":"ZI0003","message":"You are not entitled to the following output fields: mobilePhone","status":403}}""")]
    [InlineData("You do not have permission to access this resource")]
    public async Task Lookup_A403ThatIsNotTheRecordLimit_IsUnauthorized_AndParksNothing(string answer)
    {
        await using var zoominfo = await StubAsync(answer, 403);
        await using var harness = Harness(zoominfo.BaseUrl);

        var result = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Unauthorized);
        result.ExhaustedUntil.ShouldBeNull();
    }

    public static TheoryData<Dictionary<string, string?>> RestrictedAccountSettings => new()
    {
        new Dictionary<string, string?>
        {
            ["Providers:ZoomInfo:OutputFields"] = "firstName, lastName,email ,jobTitle,managementLevel",
            ["Providers:ZoomInfo:CompanyOutputFields"] = "name,website",
        },
        new Dictionary<string, string?>
        {
            ["Providers:ZoomInfo:OutputFields:0"] = "firstName",
            ["Providers:ZoomInfo:OutputFields:1"] = "lastName",
            ["Providers:ZoomInfo:OutputFields:2"] = "email",
            ["Providers:ZoomInfo:OutputFields:3"] = "jobTitle",
            ["Providers:ZoomInfo:OutputFields:4"] = "managementLevel",
            ["Providers:ZoomInfo:CompanyOutputFields:0"] = "name",
            ["Providers:ZoomInfo:CompanyOutputFields:1"] = "website",
        },
    };

    [Theory]
    [MemberData(nameof(RestrictedAccountSettings))]
    public async Task Lookup_ConfiguredForARestrictedAccount_Works_WhereTheDefaultsAreRefused(Dictionary<string, string?> settings)
    {
        await using var simulator = await StartAsync(new SimulatorOptions
        {
            ZoomInfoEntitledFields = ["firstName", "lastName", "email", "jobTitle", "managementLevel", "name", "website"],
        });
        await using var configured = Harness(simulator, settings);
        await using var defaults = Harness(simulator);

        var person = await configured.LookupAsync(ZoomInfo, configured.Email(SampleIdentifiers.JaneDoeEmail));
        var company = await configured.LookupAsync(ZoomInfo, configured.Company(SampleIdentifiers.AcmeDomain));
        var refused = await defaults.LookupAsync(ZoomInfo, defaults.Email(SampleIdentifiers.JaneDoeEmail));

        person.Status.ShouldBe(ProviderStatus.Matched);
        person.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        person.Profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        person.Profile.Text(ProfileFields.Seniority).ShouldBe("vp");
        person.Profile.Text(ProfileFields.Phone).ShouldBeEmpty();
        company.Status.ShouldBe(ProviderStatus.Matched);
        company.Profile.Text(ProfileFields.CompanyDomain).ShouldBe(SampleIdentifiers.AcmeDomain);
        refused.Status.ShouldBe(ProviderStatus.Unauthorized);
    }

    private static ConnectorHarness Harness(string baseUrl, Dictionary<string, string?>? settings = null, TimeProvider? time = null) => new(
        new Dictionary<string, string?>(settings ?? [])
        {
            ["Providers:ZoomInfo:Username"] = "sandbox",
            ["Providers:ZoomInfo:Password"] = "sandbox",
            ["Providers:ZoomInfo:BaseUrl"] = baseUrl,
        },
        tributary => tributary.AddZoomInfo(),
        time);

    private static ConnectorHarness Harness(ZoomInfoSimulator simulator, Dictionary<string, string?>? settings = null) =>
        Harness(simulator.BaseUrl, settings);

    private static async Task<ZoomInfoSimulator> StartAsync(SimulatorOptions options)
    {
        var simulator = new ZoomInfoSimulator(options, TestDataset.Shared, 0);
        await simulator.StartAsync();
        return simulator;
    }

    /// <summary>A ZoomInfo that logs anyone in and answers every enrich, contact or company, with <paramref name="answer"/>.</summary>
    private static Task<StubApi> StubAsync(string answer, int status = StatusCodes.Status200OK) => StubApi.StartAsync(app =>
    {
        app.MapPost("/authenticate", () => Results.Text(AuthenticateAnswer, "application/json"));
        app.MapPost("/enrich/{entity}", () => Results.Text(answer, answer.StartsWith('{') ? "application/json" : "text/plain", statusCode: status));
    });
}
