using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

public sealed class OperationsTests
{
    [Fact]
    public async Task HealthAndReadiness_AreUp()
    {
        await using var gateway = await GatewayServer.StartAsync();

        (await gateway.Client.GetStringAsync("/healthz")).ShouldBe("ok");
        var ready = await gateway.Client.GetFromJsonAsync<JsonElement>("/readyz");
        ready.GetProperty("store").GetString().ShouldBe("ok");
        ready.GetProperty("providers").GetInt32().ShouldBe(5);

        // Health checkers that send HEAD get the same status, without a body.
        using var headHealth = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));
        using var headReady = await gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/readyz"));
        headHealth.StatusCode.ShouldBe(HttpStatusCode.OK);
        headReady.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await headHealth.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Readiness_WithNoProviderEnabled_Is503()
    {
        // No credentials and no sandbox: nothing to ask.
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=false");

        using var response = await gateway.Client.GetAsync("/readyz");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task OpenApi_MatchesTheSnapshot_AndDocsAreServed()
    {
        await using var gateway = await GatewayServer.StartAsync();

        var document = JsonNode.Parse(await gateway.Client.GetStringAsync("/openapi/v1.json"))!;
        using var docs = await gateway.Client.GetAsync("/docs");

        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operation!["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{method} {path} has no summary");
            }
        }

        Snapshot.Match("openapi.json", Snapshot.Normalize(document));
    }

    [Fact]
    public async Task OpenApi_DocumentsTheBodiesOfJobsAndStaging()
    {
        await using var gateway = await GatewayServer.StartAsync();

        var paths = JsonNode.Parse(await gateway.Client.GetStringAsync("/openapi/v1.json"))!["paths"]!;

        // A job is an array of records or an envelope with records, as JSON; or JSON lines of records.
        var job = paths["/v1/jobs"]!["post"]!["requestBody"]!["content"]!;
        var shapes = job["application/json"]!["schema"]!["oneOf"]!.AsArray();
        shapes[0]!["type"]!.GetValue<string>().ShouldBe("array");
        shapes[0]!["items"]!["properties"]!.AsObject().ContainsKey("email").ShouldBeTrue();
        shapes[1]!["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["records", "callbackUrl", "mode", "providers"]);
        job["application/x-ndjson"]!["schema"]!["properties"]!.AsObject().ContainsKey("email").ShouldBeTrue();

        var staging = paths["/v1/staging"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        staging["type"]!.GetValue<string>().ShouldBe("array");
        staging["items"]!["properties"]!.AsObject().Select(p => p.Key).ShouldContain("source");
        staging["items"]!["properties"]!.AsObject().Select(p => p.Key).ShouldContain("crmId");
    }

    [Fact]
    public async Task AtStart_AWarmUpLookupRunsThroughEveryProvider_WithoutReachingOneOrBeingCountedOrStored()
    {
        await using var clearbit = new ClearbitSimulator();
        await using var zoominfo = new ZoomInfoSimulator();
        await Task.WhenAll(clearbit.StartAsync(), zoominfo.StartAsync());
        var logs = new LogCapture();
        await using var gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<ILoggerProvider>(logs),
            "--Logging:LogLevel:Default=Information", "--Providers:Clearbit:RateLimit:PerMinute=1",
            $"--Providers:Clearbit:ApiKey={clearbit.ApiKey}", $"--Providers:Clearbit:BaseUrl={clearbit.BaseUrl}",
            $"--Providers:ZoomInfo:Username={zoominfo.Username}", $"--Providers:ZoomInfo:Password={zoominfo.Password}",
            $"--Providers:ZoomInfo:BaseUrl={zoominfo.BaseUrl}");

        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains("clearbit:invalid_input", StringComparison.Ordinal)), "the warm-up lookup");
        var metrics = await gateway.Client.GetStringAsync("/metrics");
        var answer = await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");

        // Its calls were answered before the network, so neither its quota (one call a minute) nor the metrics saw them;
        // ZoomInfo's login was real, and the first caller's lookup used its token.
        clearbit.Calls["/v2/combined/find"].ShouldBe(1);
        zoominfo.Calls["/enrich/contact"].ShouldBe(1);
        zoominfo.Calls["/authenticate"].ShouldBe(1);
        metrics.ShouldNotContain("invalid_input");
        answer.GetProperty("providers").GetString()!.ShouldStartWith("clearbit:matched:");
        answer.GetProperty("providers").GetString()!.ShouldContain("zoominfo:matched:");
    }

    [Fact]
    public async Task ProviderFailures_NeverBecome5xx()
    {
        await using var clearbit = new ClearbitSimulator();
        await using var zoominfo = new ZoomInfoSimulator();
        await Task.WhenAll(clearbit.StartAsync(), zoominfo.StartAsync());
        clearbit.Faults.Hang = true;
        zoominfo.Faults.FailStatus = 500;
        await using var gateway = await GatewayServer.StartAsync(
            $"--Providers:Clearbit:ApiKey={clearbit.ApiKey}", $"--Providers:Clearbit:BaseUrl={clearbit.BaseUrl}",
            $"--Providers:ZoomInfo:Username={zoominfo.Username}", $"--Providers:ZoomInfo:Password={zoominfo.Password}",
            $"--Providers:ZoomInfo:BaseUrl={zoominfo.BaseUrl}");

        // A budget long enough for ZoomInfo's retries to run out (a shared call keeps retrying past a shorter caller's
        // deadline), while Clearbit hangs past it.
        var body = await gateway.EnrichAsync<JsonElement>("""{"email":"jane.doe@acme.com","timeoutMs":1500}""");

        body.GetProperty("partial").GetBoolean().ShouldBeTrue();
        body.GetProperty("source").GetString().ShouldBe("none");
        body.GetProperty("providers").GetString()!.ShouldStartWith("clearbit:timeout:");
        body.GetProperty("providers").GetString()!.ShouldContain("zoominfo:server_error:");
    }
}
