using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.ZoomInfo;

/// <summary>Token issue and expiry, on a fake clock so an hour-long JWT can expire instantly.</summary>
public sealed class ZoomInfoAuthenticationTests : IAsyncLifetime
{
    private static readonly string[] OutputFields = ["id", "firstName"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private ZoomInfoSimulator _simulator = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = new SimulatorOptions { TimeProvider = _time, ZoomInfoJwtLifetime = TimeSpan.FromMinutes(5) };
        _simulator = new ZoomInfoSimulator(options, TestDataset.Shared, 0);
        await _simulator.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_simulator.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Authenticate_WithJson_IssuesAThreePartJwtCarryingItsExpiry()
    {
        using var response = await _client.PostAsJsonAsync("/authenticate", new { username = "sandbox", password = "sandbox" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        var parts = body.GetProperty("jwt").GetString()!.Split('.');
        parts.Length.ShouldBe(3);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        header.RootElement.GetProperty("alg").GetString().ShouldBe("HS256");
        var issuedAt = claims.RootElement.GetProperty("iat").GetInt64();
        issuedAt.ShouldBe(_time.GetUtcNow().ToUnixTimeSeconds());
        claims.RootElement.GetProperty("exp").GetInt64().ShouldBe(issuedAt + 300);
        _simulator.AuthenticationCount.ShouldBe(1);
    }

    [Fact]
    public async Task Authenticate_WithAForm_WorksLikeTheOfficialPythonClient()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "sandbox", ["password"] = "sandbox" });

        using var response = await _client.PostAsync("/authenticate", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _simulator.AuthenticationCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"username":"sandbox","password":"wrong"}""")]
    [InlineData("""{"username":"someone","password":"sandbox"}""")]
    [InlineData("")]
    public async Task Authenticate_WithWrongCredentials_Is401(string body)
    {
        using var response = await _client.PostAsync("/authenticate", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ErrorCodeAsync(response)).ShouldBe("ZI0001");
        _simulator.AuthenticationCount.ShouldBe(0);
    }

    [Fact]
    public async Task Enrich_WithAFreshToken_Succeeds_AndAfterItsLifetime_Is401()
    {
        var jwt = await AuthenticateAsync();

        using var fresh = await EnrichAsync(jwt);
        _time.Advance(TimeSpan.FromMinutes(5));
        using var expired = await EnrichAsync(jwt);

        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ErrorCodeAsync(expired)).ShouldBe("ZI0001");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJl")]
    public async Task Enrich_WithoutAValidToken_Is401(string? token)
    {
        using var response = await EnrichAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("ZI0001");
        error.GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task Tokens_FromAnotherSimulator_AreRefused()
    {
        await using var other = new ZoomInfoSimulator(new SimulatorOptions(), TestDataset.Shared, 0);
        await other.StartAsync();
        using var otherClient = new HttpClient { BaseAddress = new Uri(other.BaseUrl) };
        using var issued = await otherClient.PostAsJsonAsync("/authenticate", new { username = "sandbox", password = "sandbox" });
        var jwt = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString();

        using var response = await EnrichAsync(jwt);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<string> AuthenticateAsync()
    {
        using var response = await _client.PostAsJsonAsync("/authenticate", new { username = "sandbox", password = "sandbox" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString()!;
    }

    private Task<HttpResponseMessage> EnrichAsync(string? jwt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/enrich/contact")
        {
            Content = JsonContent.Create(new { matchPersonInput = new[] { new { emailAddress = SampleIdentifiers.JaneDoeEmail } }, outputFields = OutputFields }),
        };
        if (jwt is not null)
        {
            request.Headers.Authorization = new("Bearer", jwt);
        }

        return _client.SendAsync(request);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
