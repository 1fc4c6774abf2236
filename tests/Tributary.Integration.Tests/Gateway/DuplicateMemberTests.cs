using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>
/// A body that names the same member twice (in any case) is refused with a 400 that says so, on every JSON endpoint:
/// which of two emails would be the one to enrich, link or erase is the caller's to say, not the parser's to guess.
/// </summary>
public sealed class DuplicateMemberTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("/v1/enrich", """{"email":"jane.doe@acme.com","email":"someone.else@acme.com"}""")]
    [InlineData("/v1/enrich", """{"email":"jane.doe@acme.com","EMAIL":"someone.else@acme.com"}""")]
    [InlineData("/v1/person/enrich", """{"phone":"+14152220123","phone":"+14155550100"}""")]
    [InlineData("/v1/identity/resolve", """{"email":"jane.doe@acme.com","email":"someone.else@acme.com"}""")]
    [InlineData("/v1/identity/identify", """{"userId":"CUST-1","userId":"CUST-2"}""")]
    [InlineData("/v1/identity/identify", """{"userId":"CUST-1","traits":{"tier":"gold","tier":"silver"}}""")]
    [InlineData("/v1/interactions/conv-dup/outcome", """{"disposition":"resolved","disposition":"escalated"}""")]
    public async Task ARepeatedMember_Is400_SayingSo(string path, string body)
    {
        using var response = await _gateway.Client.PostAsync(path, Json(body));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe("body");
        problem.GetProperty("detail").GetString()!.ShouldContain("a member given twice");
    }

    [Fact]
    public async Task AJobRecordWithARepeatedMember_IsRefused_NamingTheRecord()
    {
        using var response = await _gateway.Client.PostAsync(
            "/v1/jobs", Json("""[{"email":"jane.doe@acme.com"},{"email":"jane.doe@acme.com","email":"someone.else@acme.com"}]"""));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe("records[1]");
        problem.GetProperty("detail").GetString()!.ShouldContain("given twice");
    }

    [Theory]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"records":[{"email":"someone.else@acme.com"}]}""", "records")]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"callbackUrl":"https://a.example/x","CallbackUrl":"https://b.example/y"}""", "CallbackUrl")]
    public async Task AJobEnvelopeWithARepeatedMember_IsRefused_NamingIt(string body, string field)
    {
        using var response = await _gateway.Client.PostAsync("/v1/jobs", Json(body));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain("given twice");
    }

    [Fact]
    public async Task TheSameBodyWithoutTheRepeat_IsAnswered()
    {
        var body = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}","phone":"{{SampleIdentifiers.JaneDoePhone}}"}""");

        body.GetProperty("name").GetString().ShouldBe("Jane Doe");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
