using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tributary.Connectors.Clearbit;
using Tributary.Enrichment;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// The Clearbit connector over HTTP: records with a field of an odd type (from a stub, as the simulator never sends
/// them) keep the rest of their fields, and a 200 that cannot be read is still a paid call.
/// </summary>
public sealed class ClearbitConnectorTests
{
    private const string Clearbit = ClearbitConnector.ProviderName;

    /// <summary>A combined answer for Jane Doe with <c>{employees}</c> and <c>{fullName}</c> left to each test.</summary>
    private const string CombinedAnswer = """
        {"person":{"id":"p-1","name":{"fullName":{fullName},"givenName":"Jane","familyName":"Doe"},"email":"jane.doe@acme.com",
          "employment":{"domain":"acme.com","name":"Acme Inc","title":"VP of Engineering","role":"engineering","seniority":"executive"},
          "geo":{"city":"San Francisco","countryCode":"US"},"fuzzy":false,"emailProvider":false},
         "company":{"id":"c-1","name":"Acme Inc","domain":"acme.com","category":{"industry":"Software"},
          "metrics":{"employees":{employees},"employeesRange":"251-1K"},"foundedYear":2001,"fuzzy":false}}
        """;

    [Theory]
    [InlineData("\"1,000\"", 1000L)]
    [InlineData("\"1 000\"", 1000L)]
    [InlineData("1000.0", 1000L)]
    [InlineData("1e20", null)]
    [InlineData("\"about a thousand\"", null)]
    [InlineData("{\"count\":1000}", null)]
    public async Task Lookup_WhenTheEmployeeCountHasAnOddForm_ReadsItLenientlyAndKeepsTheRecord(string employees, long? expected)
    {
        await using var clearbit = await StubAsync(CombinedAnswer.Replace("{employees}", employees).Replace("{fullName}", "\"Jane Doe\""));
        await using var harness = Harness(clearbit.BaseUrl);

        var result = await harness.LookupAsync(Clearbit, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Billed.ShouldBeTrue();
        if (expected is { } count)
        {
            result.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(count);
        }
        else
        {
            result.Profile[ProfileFields.EmployeeCount].ShouldBeNull();
        }

        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        result.Profile.Text(ProfileFields.JobTitle).ShouldBe("VP of Engineering");
        result.Profile.Text(ProfileFields.CompanyName).ShouldBe("Acme Inc");
    }

    [Theory]
    [InlineData("12345", "12345")]
    [InlineData("true", "")]
    [InlineData("[\"Jane\",\"Doe\"]", "")]
    public async Task Lookup_WhenANameIsNotText_KeepsTheRestOfTheRecord(string fullName, string expected)
    {
        await using var clearbit = await StubAsync(CombinedAnswer.Replace("{employees}", "500").Replace("{fullName}", fullName));
        await using var harness = Harness(clearbit.BaseUrl);

        var result = await harness.LookupAsync(Clearbit, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Text(ProfileFields.FullName).ShouldBe(expected);
        result.Profile.Text(ProfileFields.FirstName).ShouldBe("Jane");
        result.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(500);
    }

    [Fact]
    public async Task Lookup_WhenA200CannotBeReadAtAll_IsAServerErrorClearbitStillBills()
    {
        await using var simulator = new ClearbitSimulator();
        await simulator.StartAsync();
        simulator.Faults.MalformedJson = true;
        await using var harness = Harness(simulator.BaseUrl, simulator.ApiKey);

        var result = await harness.LookupAsync(Clearbit, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.ServerError);
        result.Billed.ShouldBeTrue();
    }

    private static ConnectorHarness Harness(string baseUrl, string apiKey = "sk_test") => new(
        new Dictionary<string, string?>
        {
            ["Providers:Clearbit:ApiKey"] = apiKey,
            ["Providers:Clearbit:BaseUrl"] = baseUrl,
        },
        tributary => tributary.AddClearbit());

    private static Task<StubApi> StubAsync(string combinedAnswer) => StubApi.StartAsync(app =>
        app.MapGet("/v2/combined/find", () => Results.Text(combinedAnswer, "application/json")));
}
