using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tributary.IntegrationTests.Simulators;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Genesys;

/// <summary>The Genesys simulator's wire behaviour, spoken to with a plain HTTP client.</summary>
public sealed class GenesysSimulatorTests : IAsyncLifetime
{
    private readonly GenesysSimulator _simulator = new(new SimulatorOptions { GenesysTokenLifetime = TimeSpan.FromSeconds(120) }, TestDataset.Shared, 0);
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _simulator.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Token_WithBasicAuthAndAForm_IsIssued_WithTheConfiguredLifetime()
    {
        using var response = await LoginAsync(_simulator.ClientId, _simulator.ClientSecret);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("token_type").GetString().ShouldBe("bearer");
        body.GetProperty("expires_in").GetInt64().ShouldBe(120);
        body.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Token_WithWrongSecret_IsRefused()
    {
        using var response = await LoginAsync(_simulator.ClientId, "wrong");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("invalid_client");
        _simulator.TokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Attributes_WithANonStringValue_AreRefusedWith400_AndNotMerged()
    {
        var token = await TokenAsync();

        using var response = await PatchAsync(token, """{"attributes":{"enrich.name":"Jane","enrich.employeeCount":500}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"bad.request\"");
        _simulator.GetAttributes(GenesysSimulator.SampleConversationId, GenesysSimulator.SampleParticipantId)!.ShouldBeEmpty();
        _simulator.AttributeWrites.Single().Status.ShouldBe(400);
    }

    [Fact]
    public async Task Attributes_CarryRateLimitHeaders_AndAreReadableBack()
    {
        var token = await TokenAsync();

        using var response = await PatchAsync(token, """{"attributes":{"enrich.name":"Jane"}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.GetValues("inin-ratelimit-allowed").Single().ShouldBe("300");
        response.Headers.GetValues("inin-ratelimit-count").Single().ShouldBe("2");
        var conversation = await _http.GetStringAsync($"{_simulator.BaseUrl}/__sim/conversations/{GenesysSimulator.SampleConversationId}");
        conversation.ShouldContain("\"enrich.name\":\"Jane\"");
    }

    [Fact]
    public async Task Attributes_WithoutAValidToken_Answer401()
    {
        using var response = await PatchAsync("not-a-token", """{"attributes":{"a":"b"}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _simulator.AttributeWrites.ShouldBeEmpty();
    }

    [Fact]
    public async Task Faults_PostedToTheControlEndpoint_IncludeGenesysOnes()
    {
        var token = await TokenAsync();
        using var set = await _http.PostAsync($"{_simulator.BaseUrl}/__sim/faults", new StringContent("""{"conversationNotFound":true}""", Encoding.UTF8, "application/json"));
        set.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await PatchAsync(token, """{"attributes":{"a":"b"}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"not.found\"");
    }

    [Fact]
    public async Task AcceptAnyConversation_CreatesConversationsOnFirstWrite()
    {
        var token = await TokenAsync();
        _simulator.AcceptAnyConversation = true;

        using var response = await PatchAsync(token, """{"attributes":{"a":"b"}}""", "c-new", "p-new");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        _simulator.GetAttributes("c-new", "p-new")!["a"].ShouldBe("b");
    }

    private Task<HttpResponseMessage> LoginAsync(string id, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{_simulator.BaseUrl}/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        return _http.SendAsync(request);
    }

    private async Task<string> TokenAsync()
    {
        using var response = await LoginAsync(_simulator.ClientId, _simulator.ClientSecret);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private Task<HttpResponseMessage> PatchAsync(string token, string json, string conversationId = GenesysSimulator.SampleConversationId, string participantId = GenesysSimulator.SampleParticipantId)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{_simulator.BaseUrl}/api/v2/conversations/{conversationId}/participants/{participantId}/attributes")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _http.SendAsync(request);
    }
}
