using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tributary.Connectors.Http;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// The generic REST provider never lets an identifier value change where its request goes: a loopback server records
/// the exact request target (as sent on the wire, before any decoding) and the Host of every request it receives.
/// </summary>
public sealed class HttpProviderRequestTargetTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Target, string Host)> _received = new();
    private StubApi _api = null!;

    public async Task InitializeAsync() => _api = await StubApi.StartAsync(app => app.Run(context =>
    {
        _received.Enqueue((context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, context.Request.Host.Value!));
        return context.Response.WriteAsync("""{"id":"CRM-1","tier":"gold"}""");
    }));

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("a?b=c", "/crm/accounts/a%3Fb%3Dc/profile")]
    [InlineData("a#b", "/crm/accounts/a%23b/profile")]
    [InlineData("@evil.com", "/crm/accounts/%40evil.com/profile")]
    [InlineData("evil.com:80@other", "/crm/accounts/evil.com%3A80%40other/profile")]
    [InlineData("Zoë Café", "/crm/accounts/Zo%C3%AB%20Caf%C3%A9/profile")]
    [InlineData("100%", "/crm/accounts/100%25/profile")]
    [InlineData("a..b", "/crm/accounts/a..b/profile")]
    [InlineData("Acme Inc", "/crm/accounts/Acme%20Inc/profile")]
    public async Task PathValue_IsSentAsOneEscapedSegment_ToTheConfiguredHost(string value, string expectedTarget)
    {
        await using var harness = Harness("/accounts/{company}/profile");

        var result = await harness.LookupAsync("crm", Query(harness, value));

        result.Status.ShouldBe(ProviderStatus.Matched);
        var (target, host) = _received.ShouldHaveSingleItem();
        target.ShouldBe(expectedTarget);
        host.ShouldBe(new Uri(_api.BaseUrl).Authority);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../../admin")]
    [InlineData("%2e%2e")]
    [InlineData("%2E.")]
    [InlineData("%2e%2e%2f")]
    [InlineData("%252e%252e")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a%2Fb")]
    [InlineData("a%5cb")]
    [InlineData("acme\r\nHost: evil.com")]
    [InlineData("acme\u0000")]
    [InlineData("acme%0d%0aX: 1")]
    [InlineData("   ")]
    public async Task PathValue_ThatCouldChangeThePath_IsRefusedWithoutARequest(string value)
    {
        await using var harness = Harness("/accounts/{company}/profile");

        var result = await harness.LookupAsync("crm", Query(harness, value));

        result.Status.ShouldBe(ProviderStatus.InvalidInput);
        result.Detail.ShouldNotBeNull().ShouldContain("{company}");
        _received.ShouldBeEmpty();
    }

    [Fact]
    public async Task PathValue_WithALoneSurrogate_IsRefusedWithoutARequest()
    {
        await using var harness = Harness("/accounts/{company}/profile");

        var result = await harness.LookupAsync("crm", Query(harness, new string(['a', '\ud800', 'b'])));

        result.Status.ShouldBe(ProviderStatus.InvalidInput);
        _received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../admin", "/crm/search?company=..%2F..%2Fadmin&v=1")]
    [InlineData("a/b", "/crm/search?company=a%2Fb&v=1")]
    [InlineData("a&admin=true", "/crm/search?company=a%26admin%3Dtrue&v=1")]
    [InlineData("a#b", "/crm/search?company=a%23b&v=1")]
    [InlineData("@evil.com", "/crm/search?company=%40evil.com&v=1")]
    [InlineData("Zoë", "/crm/search?company=Zo%C3%AB&v=1")]
    public async Task QueryValue_IsSentAsOneEscapedValue_UnderTheConfiguredPath(string value, string expectedTarget)
    {
        await using var harness = Harness("/search?company={company}&v=1");

        var result = await harness.LookupAsync("crm", Query(harness, value));

        result.Status.ShouldBe(ProviderStatus.Matched);
        var (target, host) = _received.ShouldHaveSingleItem();
        target.ShouldBe(expectedTarget);
        host.ShouldBe(new Uri(_api.BaseUrl).Authority);
    }

    [Theory]
    [InlineData("acme\r\nX: 1")]
    [InlineData("acme%0aX: 1")]
    public async Task QueryValue_WithControlCharacters_IsRefusedWithoutARequest(string value)
    {
        await using var harness = Harness("/search?company={company}");

        var result = await harness.LookupAsync("crm", Query(harness, value));

        result.Status.ShouldBe(ProviderStatus.InvalidInput);
        _received.ShouldBeEmpty();
    }

    [Fact]
    public async Task LinkedInPlaceholder_InThePath_FailsValidationNamingTheSetting()
    {
        await using var harness = Harness("/people/{linkedin}");

        var error = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => harness.Provider("crm"));

        error.Message.ShouldContain("Providers:Http:Crm:PathTemplate");
        error.Message.ShouldContain("query");
    }

    [Fact]
    public async Task LinkedInPlaceholder_InTheQuery_SendsTheCanonicalUrlAsOneValue()
    {
        await using var harness = Harness("/people?linkedin={linkedin}");

        var result = await harness.LookupAsync("crm", harness.Person(new RawIdentifiers(LinkedInUrl: "https://www.linkedin.com/in/janedoe/")));

        result.Status.ShouldBe(ProviderStatus.Matched);
        _received.ShouldHaveSingleItem().Target.ShouldBe("/crm/people?linkedin=https%3A%2F%2Flinkedin.com%2Fin%2Fjanedoe");
    }

    private ConnectorHarness Harness(string pathTemplate) => new(
        new Dictionary<string, string?>
        {
            ["Providers:Http:Crm:BaseUrl"] = _api.BaseUrl + "/crm",
            ["Providers:Http:Crm:PathTemplate"] = pathTemplate,
            ["Providers:Http:Crm:Mapping:crmAccountId"] = "id",
            ["Providers:Http:Crm:Mapping:loyaltyTier"] = "tier",
        },
        tributary => tributary.AddHttpProviders());

    /// <summary>
    /// The value goes straight into the identifiers, past the normaliser: the connector must hold on its own, whatever
    /// an identifier's normalisation lets through.
    /// </summary>
    private static EnrichmentQuery Query(ConnectorHarness harness, string company) => new(
        new IdentifierSet { FullName = "Jane Doe", Company = company },
        LookupKind.Person,
        CallBudget.RealTime(harness.Time.GetUtcNow(), TimeSpan.FromSeconds(10)),
        []);
}
