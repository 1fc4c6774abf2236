using System.Net;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>Browser callers (an agent desktop widget) from the origins in <c>Gateway:CorsOrigins</c>, and no others.</summary>
public sealed class GatewayCorsTests
{
    private const string Allowed = "https://agent.example.com";
    private const string Key = "cors-test-key";

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_GetsTheCorsHeaders_EvenWithGatewayKeys()
    {
        await using var gateway = await GatewayServer.StartAsync($"--Gateway:CorsOrigins:0={Allowed}", "--Gateway:CorsOrigins:1=https://other.example.org", $"--Gateway:ApiKeys:0={Key}", "--Sandbox:Enabled=true");

        using var preflight = await gateway.Client.SendAsync(Preflight(Allowed));

        ((int)preflight.StatusCode).ShouldBeInRange(200, 204);
        preflight.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Allowed]);
        string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Methods")).ShouldContain("POST");
        string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")).ShouldContain("x-api-key", Case.Insensitive);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/enrich") { Content = new StringContent("""{"email":"jane.doe@acme.com"}""") };
        request.Headers.Add("Origin", Allowed);
        request.Headers.Add("X-Api-Key", Key);
        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Allowed]);
        response.Headers.Vary.ShouldContain("Origin", "a shared cache must keep answers to different origins apart");
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GetsNoCorsHeaders()
    {
        await using var gateway = await GatewayServer.StartAsync($"--Gateway:CorsOrigins:0={Allowed}");

        using var preflight = await gateway.Client.SendAsync(Preflight("https://evil.example.net"));

        preflight.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        preflight.Headers.Contains("Access-Control-Allow-Methods").ShouldBeFalse();
        preflight.Headers.Vary.ShouldContain("Origin");
    }

    [Fact]
    public async Task WithoutCorsOrigins_NoOriginGetsCorsHeaders()
    {
        await using var gateway = await GatewayServer.StartAsync();

        using var preflight = await gateway.Client.SendAsync(Preflight(Allowed));

        preflight.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/enrich");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        return request;
    }
}
