using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tributary.Host.Gateway;
using Tributary.Host.Hosting;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Gateway;

public sealed class GatewayAuthTests
{
    private const string Body = """{"email":"jane.doe@acme.com"}""";

    [Fact]
    public async Task WithKeys_RequestsWithoutAValidKeyAre401()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:ApiKeys:0=first-key", "--Gateway:ApiKeys:1=second-key", "--Sandbox:Enabled=true");

        using var missing = await gateway.EnrichAsync(Body);
        using var wrong = await Send(gateway, "Authorization", "Bearer first-kez");
        using var wrongHeader = await Send(gateway, "X-Api-Key", "nope");

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongHeader.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WithKeys_BearerOrXApiKeyIsAccepted_AndOperationsStayOpen()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:ApiKeys=first-key, second-key", "--Sandbox:Enabled=true");

        using var bearer = await Send(gateway, "Authorization", "Bearer second-key");
        using var header = await Send(gateway, "X-Api-Key", "first-key");
        using var health = await gateway.Client.GetAsync("/healthz");
        using var anonymous = await gateway.Client.PostAsync("/v1/enrich", new StringContent("""{"email":"jane.doe@acme.com"}"""));

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bearer.StatusCode.ShouldBe(HttpStatusCode.OK);
        header.StatusCode.ShouldBe(HttpStatusCode.OK);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithoutKeys_TheGatewayIsOpenOnLoopback()
    {
        await using var gateway = await GatewayServer.StartAsync();

        using var response = await gateway.EnrichAsync(Body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithoutKeys_ListeningBeyondLoopbackIsRefused()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            GatewayApp.BuildAsync(["--Sandbox:Enabled=false"], "http://0.0.0.0:0", CancellationToken.None));

        error.Message.ShouldContain("Gateway:ApiKeys");
    }

    [Fact]
    public async Task ACaller_GetsItsWholeQuotaInAMinute_ThenA429Problem_WithRetryAfter()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:QuotaPerMinute=6");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await gateway.Client.GetAsync("/v1/jobs/nosuchjob");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                problem.GetProperty("status").GetInt32().ShouldBe(429);
                problem.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();

                // All six were asked within this minute: none leaves the window sooner, so a caller told less would be refused again.
                response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
            }
        }

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.NotFound, 6), HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task WithoutKeys_ARandomApiKeyDoesNotGetAFreshQuota()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:QuotaPerMinute=2");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/jobs/nosuchjob");
            request.Headers.Add("X-Api-Key", Guid.NewGuid().ToString("N"));
            using var response = await gateway.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task AWrongKey_Gets401_EvenOnceTheQuotaIsSpent()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:ApiKeys:0=quota-key", "--Gateway:QuotaPerMinute=1");
        using (var spent = await Send(gateway, "X-Api-Key", "quota-key"))
        using (var over = await Send(gateway, "X-Api-Key", "quota-key"))
        {
            over.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }

        using var wrong = await Send(gateway, "X-Api-Key", "not-a-key");

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> Send(GatewayServer gateway, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/enrich") { Content = new StringContent(Body) };
        request.Headers.TryAddWithoutValidation(header, value);
        return gateway.Client.SendAsync(request);
    }
}
