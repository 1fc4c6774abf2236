using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Connectors.Http;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// The generic REST provider, two instances with two mappings, against a stand-in for a customer's own systems: a
/// CRM keyed by email behind a bearer token, and a phone directory behind an API-key header with nested answers.
/// </summary>
public sealed class HttpProviderConnectorTests : IAsyncLifetime
{
    private const string CrmToken = "crm-secret";
    private const string DirectoryKey = "directory-secret";

    private static int s_busyCalls;

    private StubApi _api = null!;

    public async Task InitializeAsync() => _api = await StubApi.StartAsync(MapCustomerSystems);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static void MapCustomerSystems(WebApplication app)
    {
        app.MapGet("/crm/customers/{email}", (string email, HttpRequest request) =>
        {
            if (request.Headers.Authorization != $"Bearer {CrmToken}")
            {
                return Results.StatusCode(401);
            }

            return email switch
            {
                SampleIdentifiers.JaneDoeEmail => Json("""
                    {"data":{"customer":{"id":"CRM-0001","fullName":"Jane Doe","title":"VP of Engineering","tier":"gold",
                     "lifetimeValue":4200,"averageOrder":123.45,"lastPurchase":"2026-01-15","country":"United States",
                     "emails":[{"address":"jane.doe@acme.com"}]}}}
                    """),
                "archived@acme.com" => Json("""{"data":{"customer":null,"archivedAt":"2024-01-01"}}"""),
                "sensitive@acme.com" => Json("""
                    {"data":{"customer":{"id":"CRM-0007","fullName":"Sam Sensitive","tier":"silver","ssn":"123-45-6789",
                     "cardOnFile":4111111111111111,"notes":["paid with 5555-5555-5555-4444","order 1234567890123"],
                     "emails":[{"address":"sensitive@acme.com"}]}}}
                    """),
                _ => Results.NotFound(),
            };
        });

        app.MapGet("/directory/lookup", (string phone, HttpRequest request) =>
        {
            if (request.Headers["X-Directory-Key"] != DirectoryKey)
            {
                return Results.StatusCode(403);
            }

            return phone == SampleIdentifiers.JaneDoePhone
                ? Json("""
                    {"results":[{"contact":{"displayName":"Jane Doe","phones":[{"number":"(415) 222-0123","type":"mobile"}]},
                     "account":{"name":"Acme Inc","tier":"enterprise","employees":"500","segments":["saas","west"]}}]}
                    """)
                : Json("""{"results":[]}""");
        });

        app.MapGet("/busy/{email}", (HttpResponse response) =>
        {
            Interlocked.Increment(ref s_busyCalls);
            response.Headers.RetryAfter = "30";
            response.Headers["X-RateLimit-Remaining"] = "0";
            return Results.StatusCode(429);
        });

        app.MapGet("/auth/{style}/{email}", (string style, HttpRequest request) =>
        {
            var sent = style switch
            {
                "none" => "none",
                "bearer" => request.Headers.Authorization.ToString(),
                "header" => request.Headers["X-Api-Key"].ToString(),
                "basic" => request.Headers.Authorization.ToString(),
                "query" => request.Query["api_key"].ToString(),
                _ => string.Empty,
            };
            string[] accepted = ["none", "Bearer t0ken", "t0ken", "Basic dXNlcjpwYXNz", "t0ken"];
            return accepted.Contains(sent) ? Json($$"""{"style":"{{style}}"}""") : Results.StatusCode(401);
        });
    }

    private static IResult Json(string json) => Results.Text(json, "application/json");

    private ConnectorHarness Harness(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Http:Crm:BaseUrl"] = _api.BaseUrl + "/crm",
            ["Providers:Http:Crm:PathTemplate"] = "/customers/{email}",
            ["Providers:Http:Crm:Auth:Style"] = "bearer",
            ["Providers:Http:Crm:Auth:Token"] = CrmToken,
            ["Providers:Http:Crm:MatchPath"] = "data.customer.id",
            ["Providers:Http:Crm:Mapping:crmAccountId"] = "data.customer.id",
            ["Providers:Http:Crm:Mapping:name"] = "data.customer.fullName",
            ["Providers:Http:Crm:Mapping:jobTitle"] = "data.customer.title",
            ["Providers:Http:Crm:Mapping:loyaltyTier"] = "data.customer.tier",
            ["Providers:Http:Crm:Mapping:lifetimeValue"] = "data.customer.lifetimeValue",
            ["Providers:Http:Crm:Mapping:averageOrder"] = "data.customer.averageOrder",
            ["Providers:Http:Crm:Mapping:lastPurchaseDate"] = "data.customer.lastPurchase",
            ["Providers:Http:Crm:Mapping:country"] = "data.customer.country",
            ["Providers:Http:Crm:Mapping:email"] = "data.customer.emails[0].address",
            ["Providers:Http:Directory:BaseUrl"] = _api.BaseUrl + "/directory",
            ["Providers:Http:Directory:PathTemplate"] = "/lookup?phone={phone}",
            ["Providers:Http:Directory:Auth:Style"] = "header",
            ["Providers:Http:Directory:Auth:HeaderName"] = "X-Directory-Key",
            ["Providers:Http:Directory:Auth:Token"] = DirectoryKey,
            ["Providers:Http:Directory:Confidence"] = "0.8",
            ["Providers:Http:Directory:Mapping:name"] = "results[0].contact.displayName",
            ["Providers:Http:Directory:Mapping:phone"] = "results[0].contact.phones[0].number",
            ["Providers:Http:Directory:Mapping:companyName"] = "results[0].account.name",
            ["Providers:Http:Directory:Mapping:employeeCount"] = "results[0].account.employees",
            ["Providers:Http:Directory:Mapping:accountTier"] = "results[0].account.tier",
            ["Providers:Http:Directory:Mapping:segments"] = "results[0].account.segments",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConnectorHarness(settings, tributary => tributary.AddHttpProviders());
    }

    [Fact]
    public async Task Registration_AddsOneProviderPerInstance_NamedInLowerCase()
    {
        await using var harness = Harness();

        var names = harness.Services.GetServices<IEnrichmentProvider>().Select(p => p.Name).Order().ToArray();

        names.ShouldBe(["crm", "directory"]);
        harness.Runtime("crm").IsEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Registration_LeavesOutDisabledInstances()
    {
        await using var harness = Harness(new Dictionary<string, string?>
        {
            ["Providers:Http:Directory:Enabled"] = "false",
            ["Providers:Http:Directory:PathTemplate"] = "/lookup?phone={unfinished}",
        });

        harness.Services.GetServices<IEnrichmentProvider>().Select(p => p.Name).ShouldBe(["crm"]);
    }

    [Fact]
    public async Task Lookup_CrmByEmail_MapsCustomAndWellKnownFields()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync("crm", harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Confidence.ShouldBe(1.0);
        var profile = result.Profile;
        profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        profile.Text(ProfileFields.Country).ShouldBe("US");
        profile.Text(ProfileFields.Email).ShouldBe(SampleIdentifiers.JaneDoeEmail);
        profile.Get("crmAccountId")!.Value.AsText().ShouldBe("CRM-0001");
        profile.Get("loyaltyTier")!.Value.AsText().ShouldBe("gold");
        profile.Get("lifetimeValue")!.Value.AsNumber().ShouldBe(4200);
        profile.Get("averageOrder")!.Value.AsText().ShouldBe("123.45");
        profile.Get("lastPurchaseDate")!.Value.AsText().ShouldBe("2026-01-15");
        profile.Get("loyaltyTier")!.Source.ShouldBe("crm");
        profile.Definitions.ShouldContain(d => d.Name == "loyaltyTier" && d.Section == FieldSection.Custom);
    }

    [Fact]
    public async Task Lookup_CrmValuesWithSsnsOrCardNumbers_AreMaskedAsTheyAreRead()
    {
        await using var harness = Harness(new Dictionary<string, string?>
        {
            ["Providers:Http:Crm:Mapping:customerSsn"] = "data.customer.ssn",
            ["Providers:Http:Crm:Mapping:cardOnFile"] = "data.customer.cardOnFile",
            ["Providers:Http:Crm:Mapping:notes"] = "data.customer.notes",
        });

        var result = await harness.LookupAsync("crm", harness.Email("sensitive@acme.com"));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Get("customerSsn")!.Value.AsText().ShouldBe("***-**-6789");
        result.Profile.Get("cardOnFile")!.Value.AsText().ShouldBe("************1111", "a card number sent as a JSON number is kept as masked text");
        result.Profile.Get("notes")!.Value.AsList().ShouldBe(["paid with ************4444", "order 1234567890123"]);
        result.Profile.Get("loyaltyTier")!.Value.AsText().ShouldBe("silver");
    }

    [Fact]
    public async Task Lookup_DirectoryByPhone_MapsNestedPathsWithTheConfiguredConfidence()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync("directory", harness.Person(new RawIdentifiers(Phone: "(415) 222-0123")));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Confidence.ShouldBe(0.8);
        result.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        result.Profile.Text(ProfileFields.Phone).ShouldBe(SampleIdentifiers.JaneDoePhone);
        result.Profile.Text(ProfileFields.CompanyName).ShouldBe(SampleIdentifiers.AcmeName);
        result.Profile.Number(ProfileFields.EmployeeCount).ShouldBe(500);
        result.Profile.Get("accountTier")!.Value.AsText().ShouldBe("enterprise");
        result.Profile.Get("segments")!.Value.AsList().ShouldBe(["saas", "west"]);
        result.Profile[ProfileFields.FullName]!.Confidence.ShouldBe(0.8);
    }

    [Fact]
    public async Task CanLookup_OnlyWhenEveryPlaceholderHasAValue()
    {
        await using var harness = Harness();
        var byEmail = harness.Email(SampleIdentifiers.JaneDoeEmail);

        harness.Provider("crm").CanLookup(byEmail).ShouldBeTrue();
        harness.Provider("directory").CanLookup(byEmail).ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_UnknownCustomer_IsANoMatch()
    {
        await using var harness = Harness();

        var notFound = await harness.LookupAsync("crm", harness.Email(SampleIdentifiers.UnknownEmail));
        var emptyResults = await harness.LookupAsync("directory", harness.Person(new RawIdentifiers(Phone: "+14155550199")));

        notFound.Status.ShouldBe(ProviderStatus.NoMatch);
        notFound.Billed.ShouldBeFalse();
        emptyResults.Status.ShouldBe(ProviderStatus.NoMatch);
    }

    [Fact]
    public async Task Lookup_WhenTheMatchPathIsNull_IsANoMatch()
    {
        await using var harness = Harness();

        var result = await harness.LookupAsync("crm", harness.Email("archived@acme.com"));

        result.Status.ShouldBe(ProviderStatus.NoMatch);
    }

    [Fact]
    public async Task Lookup_WithConfiguredNoMatchStatuses_TreatsThemAsNoMatch()
    {
        await using var harness = Harness(new Dictionary<string, string?>
        {
            ["Providers:Http:Directory:Auth:Token"] = "wrong",
            ["Providers:Http:Directory:NoMatchStatuses:0"] = "403",
        });

        var result = await harness.LookupAsync("directory", harness.Person(new RawIdentifiers(Phone: SampleIdentifiers.JaneDoePhone)));

        result.Status.ShouldBe(ProviderStatus.NoMatch);
    }

    [Fact]
    public async Task Lookup_ThroughAnIdPlaceholder_SendsTheEmail_ElseThePhone()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Http:Crm:PathTemplate"] = "/customers/{id}" });

        var byEmail = await harness.LookupAsync("crm", harness.Email(SampleIdentifiers.JaneDoeEmail));
        var byPhone = await harness.LookupAsync("crm", harness.Person(new RawIdentifiers(Phone: SampleIdentifiers.JaneDoePhone)));

        byEmail.Status.ShouldBe(ProviderStatus.Matched);
        byEmail.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        byPhone.Status.ShouldBe(ProviderStatus.NoMatch, "the stub keys its customers by email, and is asked by the phone");
    }

    [Fact]
    public async Task Lookup_A429WithRetryAfter_PausesTheProviderForEveryCaller()
    {
        await using var harness = Harness(new Dictionary<string, string?>
        {
            ["Providers:Http:Crm:BaseUrl"] = _api.BaseUrl + "/busy",
            ["Providers:Http:Crm:PathTemplate"] = "/{email}",
        });
        var before = Volatile.Read(ref s_busyCalls);

        var first = await harness.LookupAsync("crm", harness.Email(SampleIdentifiers.JaneDoeEmail));
        var second = await harness.LookupAsync("crm", harness.Email("someone.else@acme.com"));

        first.Status.ShouldBe(ProviderStatus.RateLimited);
        second.Status.ShouldBe(ProviderStatus.RateLimited);
        (Volatile.Read(ref s_busyCalls) - before).ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_WithAWrongToken_IsUnauthorized()
    {
        await using var harness = Harness(new Dictionary<string, string?> { ["Providers:Http:Crm:Auth:Token"] = "wrong" });

        var result = await harness.LookupAsync("crm", harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("bearer")]
    [InlineData("header")]
    [InlineData("basic")]
    [InlineData("query")]
    public async Task Lookup_WithEachAuthStyle_SendsTheCredentials(string style)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Http:Echo:BaseUrl"] = _api.BaseUrl,
            ["Providers:Http:Echo:PathTemplate"] = $"/auth/{style}/{{email}}",
            ["Providers:Http:Echo:Auth:Style"] = style,
            ["Providers:Http:Echo:Mapping:authStyle"] = "style",
        };
        if (style != "none")
        {
            settings["Providers:Http:Echo:Auth:Token"] = "t0ken";
            settings["Providers:Http:Echo:Auth:Username"] = "user";
            settings["Providers:Http:Echo:Auth:Password"] = "pass";
        }

        await using var harness = new ConnectorHarness(settings, tributary => tributary.AddHttpProviders());

        var result = await harness.LookupAsync("echo", harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Matched);
        result.Profile.Get("authStyle")!.Value.AsText().ShouldBe(style);
    }

    [Theory]
    [InlineData("Providers:Http:Crm:PathTemplate", "/customers/{customerId}", "Providers:Http:Crm:PathTemplate")]
    [InlineData("Providers:Http:Crm:Mapping:loyaltyTier", "data..tier", "Providers:Http:Crm:Mapping:loyaltyTier")]
    [InlineData("Providers:Http:Crm:Auth:Token", "", "Providers:Http:Crm:Auth:Token")]
    [InlineData("Providers:Http:Crm:Auth:Style", "cookie", "Providers:Http:Crm:Auth:Style")]
    [InlineData("Providers:Http:Crm:Auth:Style", "none", "Providers:Http:Crm:Auth:Style")]
    [InlineData("Providers:Http:Crm:BaseUrl", "not a url", "Providers:Http:Crm:BaseUrl")]
    public async Task Options_WhenInvalid_FailValidationNamingTheSetting(string key, string value, string named)
    {
        await using var harness = Harness(new Dictionary<string, string?> { [key] = value });

        var error = Should.Throw<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptionsMonitor<HttpProviderOptions>>().Get("crm"));

        error.Message.ShouldContain(named);
    }

    [Fact]
    public async Task Options_WhenAnInstanceTakesABuiltInName_FailValidation()
    {
        await using var harness = new ConnectorHarness(
            new Dictionary<string, string?>
            {
                ["Providers:Http:Clearbit:BaseUrl"] = _api.BaseUrl,
                ["Providers:Http:Clearbit:PathTemplate"] = "/x/{email}",
                ["Providers:Http:Clearbit:Mapping:name"] = "name",
            },
            tributary => tributary.AddHttpProviders());

        var error = Should.Throw<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptionsMonitor<HttpProviderOptions>>().Get("clearbit"));

        error.Message.ShouldContain("built-in provider");
    }
}
