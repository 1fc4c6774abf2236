using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.ZoomInfo;

/// <summary>
/// The PKI login as ZoomInfo documents it: the client signs its own JWT (RS256; aud enterprise_api, iss
/// api-client@zoominfo.com, iat, exp = iat + 300 s, client_id, username) and posts it as a Bearer token to
/// <c>/authenticate</c> with no body; the simulator checks it against the public key it was given.
/// </summary>
public sealed class ZoomInfoPkiTests : IAsyncLifetime, IDisposable
{
    private const string ClientId = "client-123";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RSA _key = RSA.Create(2048);
    private ZoomInfoSimulator _simulator = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = new SimulatorOptions { TimeProvider = _time, ZoomInfoClientId = ClientId, ZoomInfoPublicKey = _key.ExportSubjectPublicKeyInfoPem() };
        _simulator = new ZoomInfoSimulator(options, TestDataset.Shared, 0);
        await _simulator.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_simulator.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task Authenticate_WithADocumentedClientJwt_IssuesATokenTheEnrichEndpointsAccept()
    {
        using var response = await AuthenticateAsync(Sign(Claims()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var jwt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString();
        using var enrich = new HttpRequestMessage(HttpMethod.Post, "/enrich/contact")
        {
            Content = JsonContent.Create(new { matchPersonInput = new[] { new { emailAddress = SampleIdentifiers.JaneDoeEmail } }, outputFields = new[] { "firstName" } }),
        };
        enrich.Headers.Authorization = new("Bearer", jwt);
        using var enriched = await _client.SendAsync(enrich);
        enriched.StatusCode.ShouldBe(HttpStatusCode.OK);
        _simulator.AuthenticationCount.ShouldBe(1);
    }

    public static TheoryData<string, string?> RefusedClaims => new()
    {
        { "aud", "someone_else" },
        { "iss", "me@example.com" },
        { "client_id", "client-999" },
        { "username", "someone" },
        { "exp", null },
    };

    [Theory]
    [MemberData(nameof(RefusedClaims))]
    public async Task Authenticate_WithAClaimOtherThanDocumented_Is401(string claim, string? value)
    {
        var claims = Claims();
        claims[claim] = value;

        using var response = await AuthenticateAsync(Sign(claims));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task Authenticate_WithAClientJwtLivingLongerThan300Seconds_Is401()
    {
        var claims = Claims();
        claims["exp"] = _time.GetUtcNow().ToUnixTimeSeconds() + 3600;

        await ShouldBeRefusedAsync(await AuthenticateAsync(Sign(claims)));
    }

    [Fact]
    public async Task Authenticate_WithAnExpiredClientJwt_Is401()
    {
        var jwt = Sign(Claims());
        _time.Advance(TimeSpan.FromSeconds(301));

        await ShouldBeRefusedAsync(await AuthenticateAsync(jwt));
    }

    [Fact]
    public async Task Authenticate_SignedWithAnotherKey_Is401()
    {
        using var other = RSA.Create(2048);

        await ShouldBeRefusedAsync(await AuthenticateAsync(Sign(Claims(), other)));
    }

    [Fact]
    public async Task Authenticate_WithATamperedPayload_Is401()
    {
        var parts = Sign(Claims()).Split('.');
        var forged = Claims();
        forged["username"] = "admin";
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged.ToJsonString()))}.{parts[2]}";

        await ShouldBeRefusedAsync(await AuthenticateAsync(tampered));
    }

    [Fact]
    public async Task Authenticate_WithAnHs256ClientJwt_Is401()
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Claims().ToJsonString()));
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData("secret"u8, Encoding.ASCII.GetBytes($"{header}.{payload}")));

        await ShouldBeRefusedAsync(await AuthenticateAsync($"{header}.{payload}.{signature}"));
    }

    [Fact]
    public async Task Authenticate_WhenNoPublicKeyIsRegistered_RefusesPki()
    {
        await using var plain = new ZoomInfoSimulator(new SimulatorOptions { TimeProvider = _time }, TestDataset.Shared, 0);
        await plain.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(plain.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/authenticate");
        request.Headers.Authorization = new("Bearer", Sign(Claims()));

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Simulator_GivenSomethingOtherThanAPublicKey_DoesNotStart() =>
        Should.Throw<ArgumentException>(() => new ZoomInfoSimulator(new SimulatorOptions { ZoomInfoPublicKey = "not a key" }));

    /// <summary>The claims ZoomInfo's PKI client sends, issued now.</summary>
    private JsonObject Claims()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["aud"] = "enterprise_api",
            ["iss"] = "api-client@zoominfo.com",
            ["iat"] = now,
            ["exp"] = now + 300,
            ["client_id"] = ClientId,
            ["username"] = "sandbox",
        };
    }

    private string Sign(JsonObject claims, RSA? key = null)
    {
        var signingInput = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = (key ?? _key).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private Task<HttpResponseMessage> AuthenticateAsync(string clientJwt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/authenticate");
        request.Headers.Authorization = new("Bearer", clientJwt);
        return _client.SendAsync(request);
    }

    private async Task ShouldBeRefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("ZI0001");
            _simulator.AuthenticationCount.ShouldBe(0);
        }
    }
}
