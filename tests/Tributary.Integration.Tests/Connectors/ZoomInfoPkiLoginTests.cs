using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.Connectors.ZoomInfo;
using Tributary.Enrichment;
using Tributary.IntegrationTests.Simulators;
using Tributary.Profiles;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// ZoomInfo's PKI login over real HTTP: the connector signs a client JWT with the configured private key and trades it
/// at <c>/authenticate</c> for the JWT the enrich calls carry; the simulator verifies it with the public key.
/// </summary>
public sealed class ZoomInfoPkiLoginTests : IDisposable
{
    private const string ZoomInfo = ZoomInfoConnector.ProviderName;
    private const string ClientId = "tributary-client";

    private readonly RSA _key = RSA.Create(2048);

    public void Dispose() => _key.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lookups_WithAKeyPair_LogInOnceByPki_AndMatch(bool escapedLineBreaks)
    {
        await using var simulator = await StartAsync();

        // An environment variable often carries the PEM's line breaks written out as \n.
        var pem = _key.ExportPkcs8PrivateKeyPem();
        await using var harness = Harness(simulator.BaseUrl, escapedLineBreaks ? pem.Replace("\n", "\\n", StringComparison.Ordinal) : pem);

        var jane = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));
        var acme = await harness.LookupAsync(ZoomInfo, harness.Company(SampleIdentifiers.AcmeDomain));

        jane.Status.ShouldBe(ProviderStatus.Matched);
        jane.Profile.Text(ProfileFields.JobTitle).ShouldBe(SampleIdentifiers.JaneDoeTitle);
        acme.Status.ShouldBe(ProviderStatus.Matched);
        simulator.AuthenticationCount.ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_SignedWithAKeyZoomInfoDoesNotKnow_IsUnauthorized()
    {
        await using var simulator = await StartAsync();
        using var stranger = RSA.Create(2048);
        await using var harness = Harness(simulator.BaseUrl, stranger.ExportRSAPrivateKeyPem());

        var result = await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        result.Status.ShouldBe(ProviderStatus.Unauthorized);
        simulator.AuthenticationCount.ShouldBe(0);
    }

    [Fact]
    public async Task ClientJwt_CarriesTheDocumentedClaims_SignedRs256WithTheConfiguredKey()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        string? clientJwt = null;
        var bodyLength = -1L;
        await using var stub = await StubApi.StartAsync(app =>
        {
            app.MapPost("/authenticate", (HttpRequest request) =>
            {
                clientJwt = request.Headers.Authorization.ToString()["Bearer ".Length..];
                bodyLength = request.ContentLength ?? 0;
                return Results.Text("""{"success":true,"jwt":"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl"}""", "application/json");
            });
            app.MapPost("/enrich/contact", () => Results.Text("""{"success":true,"data":{"result":[{"input":{},"data":[]}]}}""", "application/json"));
        });
        await using var harness = Harness(stub.BaseUrl, _key.ExportRSAPrivateKeyPem(), time);

        await harness.LookupAsync(ZoomInfo, harness.Email(SampleIdentifiers.JaneDoeEmail));

        var parts = clientJwt.ShouldNotBeNull().Split('.');
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        header.RootElement.GetProperty("alg").GetString().ShouldBe("RS256");
        var claim = claims.RootElement;
        claim.GetProperty("aud").GetString().ShouldBe("enterprise_api");
        claim.GetProperty("iss").GetString().ShouldBe("api-client@zoominfo.com");
        claim.GetProperty("iat").GetInt64().ShouldBe(time.GetUtcNow().ToUnixTimeSeconds());
        claim.GetProperty("exp").GetInt64().ShouldBe(time.GetUtcNow().ToUnixTimeSeconds() + 300);
        claim.GetProperty("client_id").GetString().ShouldBe(ClientId);
        claim.GetProperty("username").GetString().ShouldBe("sandbox");
        _key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .ShouldBeTrue();
        bodyLength.ShouldBe(0);
    }

    public static TheoryData<Dictionary<string, string?>, string> InvalidSettings => new()
    {
        { new() { ["Providers:ZoomInfo:ClientId"] = ClientId, ["Providers:ZoomInfo:PrivateKey"] = new string(PemEncoding.Write("PRIVATE KEY", Encoding.UTF8.GetBytes("not a key"))) }, "Providers:ZoomInfo:PrivateKey" },
        { new() { ["Providers:ZoomInfo:ClientId"] = ClientId }, "PrivateKey is missing" },
        { new() { ["Providers:ZoomInfo:OutputFields"] = " , " }, "Providers:ZoomInfo:OutputFields" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Start_WithIncompleteZoomInfoSettings_FailsNamingTheSetting(Dictionary<string, string?> settings, string named)
    {
        await using var harness = new ConnectorHarness(new Dictionary<string, string?>(settings) { ["Providers:ZoomInfo:Username"] = "sandbox" }, tributary => tributary.AddZoomInfo());

        Should.Throw<OptionsValidationException>(() => harness.Provider(ZoomInfo)).Message.ShouldContain(named);
    }

    [Fact]
    public async Task Start_WithAKeyPairButNoUsername_FailsNamingIt()
    {
        await using var harness = new ConnectorHarness(
            new Dictionary<string, string?> { ["Providers:ZoomInfo:ClientId"] = ClientId, ["Providers:ZoomInfo:PrivateKey"] = _key.ExportPkcs8PrivateKeyPem() },
            tributary => tributary.AddZoomInfo());

        Should.Throw<OptionsValidationException>(() => harness.Provider(ZoomInfo)).Message.ShouldContain("Providers:ZoomInfo:Username");
    }

    private static ConnectorHarness Harness(string baseUrl, string privateKeyPem, TimeProvider? time = null) => new(
        new Dictionary<string, string?>
        {
            ["Providers:ZoomInfo:ClientId"] = ClientId,
            ["Providers:ZoomInfo:PrivateKey"] = privateKeyPem,
            ["Providers:ZoomInfo:Username"] = "sandbox",
            ["Providers:ZoomInfo:BaseUrl"] = baseUrl,
        },
        tributary => tributary.AddZoomInfo(),
        time);

    private async Task<ZoomInfoSimulator> StartAsync()
    {
        var simulator = new ZoomInfoSimulator(
            new SimulatorOptions { ZoomInfoClientId = ClientId, ZoomInfoPublicKey = _key.ExportSubjectPublicKeyInfoPem() }, TestDataset.Shared, 0);
        await simulator.StartAsync();
        return simulator;
    }
}
