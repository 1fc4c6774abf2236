using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Simulators.Clearbit;

namespace Tributary.IntegrationTests.Simulators.Infrastructure;

public sealed class ControlEndpointTests : IClassFixture<ClearbitFixture>
{
    private readonly ClearbitFixture _fixture;

    public ControlEndpointTests(ClearbitFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public async Task PostFaults_ReplacesTheFaultSet_AndEchoesIt()
    {
        _fixture.Simulator.Faults.LatencyMs = 50;

        using var response = await _fixture.Client.PostAsync("/__sim/faults", Json("""{"failStatus":502,"failEveryNth":2}"""));
        using var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        echoed.RootElement.GetProperty("failStatus").GetInt32().ShouldBe(502);
        echoed.RootElement.GetProperty("retryAfterSeconds").GetInt32().ShouldBe(1);
        var faults = _fixture.Simulator.Faults;
        faults.FailStatus.ShouldBe(502);
        faults.FailEveryNth.ShouldBe(2);
        faults.LatencyMs.ShouldBe(0);
    }

    [Fact]
    public async Task PostFaults_TakesEveryFaultByItsCamelCaseName()
    {
        const string Body = """
            {"latencyMs":1,"jitterMs":2,"hang":false,"failStatus":503,"failEveryNth":4,"failRatio":0.5,"tooManyRequests":true,
             "retryAfterSeconds":9,"perMinuteLimit":100,"malformedJson":true,"connectionReset":false,"queued":true,"creditsExhausted":true}
            """;

        using var response = await _fixture.Client.PostAsync("/__sim/faults", Json(Body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var faults = _fixture.Simulator.Faults;
        (faults.LatencyMs, faults.JitterMs, faults.FailStatus, faults.FailEveryNth, faults.FailRatio).ShouldBe((1, 2, 503, 4, 0.5));
        (faults.TooManyRequests, faults.RetryAfterSeconds, faults.PerMinuteLimit).ShouldBe((true, 9, 100));
        (faults.MalformedJson, faults.Queued, faults.CreditsExhausted, faults.Hang, faults.ConnectionReset).ShouldBe((true, true, true, false, false));
    }

    [Theory]
    [InlineData("""{"failStatu":503}""")]
    [InlineData("""{"failStatus":200}""")]
    [InlineData("""{"latencyMs":""")]
    public async Task PostFaults_RefusesUnknownNamesAndBadValues(string body)
    {
        using var response = await _fixture.Client.PostAsync("/__sim/faults", Json(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _fixture.Simulator.Faults.FailStatus.ShouldBeNull();
    }

    [Fact]
    public async Task DeleteFaults_TurnsEverythingOff()
    {
        _fixture.Simulator.Faults.Queued = true;
        _fixture.Simulator.Faults.FailStatus = 500;

        using var response = await _fixture.Client.DeleteAsync("/__sim/faults");
        var current = await _fixture.Client.GetFromJsonAsync<JsonElement>("/__sim/faults");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _fixture.Simulator.Faults.Queued.ShouldBeFalse();
        current.GetProperty("failStatus").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task GetCalls_CountsProviderPaths_AndDeleteClearsThem()
    {
        await _fixture.Client.GetAsync("/v2/people/find?email=a@b.co");
        await _fixture.Client.GetAsync("/v2/people/find?email=c@d.co");
        await _fixture.Client.GetAsync("/v2/companies/find?domain=acme.com");

        var calls = await _fixture.Client.GetFromJsonAsync<Dictionary<string, int>>("/__sim/calls");
        using var cleared = await _fixture.Client.DeleteAsync("/__sim/calls");
        var after = await _fixture.Client.GetFromJsonAsync<Dictionary<string, int>>("/__sim/calls");

        calls.ShouldBe(new Dictionary<string, int> { ["/v2/companies/find"] = 1, ["/v2/people/find"] = 2 });
        cleared.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.ShouldBeEmpty();
        _fixture.Simulator.Calls.Total.ShouldBe(0);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
