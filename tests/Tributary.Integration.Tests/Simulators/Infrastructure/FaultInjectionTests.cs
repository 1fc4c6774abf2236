using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Simulators.Clearbit;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.Infrastructure;

/// <summary>The shared fault middleware, exercised through the Clearbit simulator.</summary>
public sealed class FaultInjectionTests : IClassFixture<ClearbitFixture>
{
    private const string JanePath = "/v2/people/find?email=" + SampleIdentifiers.JaneDoeEmail;

    private readonly ClearbitFixture _fixture;

    public FaultInjectionTests(ClearbitFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private SimulatorFaults Faults => _fixture.Simulator.Faults;

    [Fact]
    public async Task LatencyMs_DelaysTheAnswer()
    {
        Faults.LatencyMs = 150;
        var stopwatch = Stopwatch.StartNew();

        using var response = await GetAsync(JanePath);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stopwatch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(140);
    }

    [Fact]
    public async Task Hang_NeverAnswers_UntilTheClientGivesUp()
    {
        Faults.Hang = true;
        using var client = new HttpClient { BaseAddress = _fixture.Client.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        await Should.ThrowAsync<TaskCanceledException>(() => client.GetAsync(JanePath));
    }

    [Fact]
    public async Task Hang_EndsWhenTheSimulatorStops()
    {
        await using var simulator = new ClearbitSimulator(new SimulatorOptions(), TestDataset.Shared, 0);
        await simulator.StartAsync();
        simulator.Faults.Hang = true;
        using var client = new HttpClient { BaseAddress = new Uri(simulator.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var pending = client.GetAsync(JanePath);
        await WaitUntilAsync(() => simulator.Calls.Total == 1);

        var stopwatch = Stopwatch.StartNew();
        await simulator.DisposeAsync();

        await Should.ThrowAsync<HttpRequestException>(() => pending);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ConnectionReset_AbortsWithoutAnAnswer()
    {
        Faults.ConnectionReset = true;

        await Should.ThrowAsync<HttpRequestException>(() => GetAsync(JanePath));
    }

    [Fact]
    public async Task FailStatus_FailsEveryRequestByDefault()
    {
        Faults.FailStatus = 503;

        using var response = await GetAsync(JanePath);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ErrorTypeAsync(response)).ShouldBe("service_unavailable");
    }

    [Fact]
    public async Task FailEveryNth_FailsOnlyEveryNthRequest()
    {
        Faults.FailStatus = 500;
        Faults.FailEveryNth = 3;

        var statuses = await StatusesAsync(6);

        statuses.ShouldBe([200, 200, 500, 200, 200, 500]);
    }

    [Fact]
    public async Task FailRatio_FailsExactlyThatShare_WithoutRandomness()
    {
        Faults.FailStatus = 502;
        Faults.FailRatio = 0.25;

        var statuses = await StatusesAsync(8);

        statuses.ShouldBe([200, 200, 200, 502, 200, 200, 200, 502]);
    }

    [Fact]
    public async Task TooManyRequests_Answers429WithRetryAfter()
    {
        Faults.TooManyRequests = true;
        Faults.RetryAfterSeconds = 7;

        using var response = await GetAsync(JanePath);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        (await ErrorTypeAsync(response)).ShouldBe("rate_limit");
    }

    [Fact]
    public async Task MalformedJson_Answers200WithATruncatedBody()
    {
        Faults.MalformedJson = true;

        using var response = await GetAsync(JanePath);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldStartWith("{");
        Should.Throw<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Faults_DoNotApplyToTheControlEndpoints()
    {
        Faults.FailStatus = 500;

        using var response = await _fixture.Client.GetAsync("/__sim/calls");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Calls_CountEveryAttemptPerPath_IncludingFailures()
    {
        Faults.FailStatus = 500;
        Faults.FailEveryNth = 2;

        await StatusesAsync(3);
        using var company = await GetAsync("/v2/companies/find?domain=acme.com");

        _fixture.Simulator.Calls["/v2/people/find"].ShouldBe(3);
        _fixture.Simulator.Calls["/v2/companies/find"].ShouldBe(1);
        _fixture.Simulator.Calls.Total.ShouldBe(4);
    }

    [Fact]
    public void InvalidSettings_AreRefused_AndLeaveTheFaultsUnchanged()
    {
        var faults = new SimulatorFaults();

        Should.Throw<ArgumentOutOfRangeException>(() => faults.FailStatus = 200);
        Should.Throw<ArgumentOutOfRangeException>(() => faults.LatencyMs = -1);
        Should.Throw<ArgumentOutOfRangeException>(() => faults.FailRatio = 1.5);
        Should.Throw<ArgumentOutOfRangeException>(() => faults.PerMinuteLimit = -5);
        faults.FailStatus.ShouldBeNull();
        faults.LatencyMs.ShouldBe(0);
    }

    [Fact]
    public async Task Statuses_CountAnswersByCode_AndRequestsWhoseCallerLeftBeforeTheAnswer()
    {
        var abandoned = _fixture.Simulator.Statuses["abandoned"];
        Faults.LatencyMs = 5_000;
        using (var impatient = new HttpClient { BaseAddress = _fixture.Client.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, JanePath);
            request.Headers.Authorization = BasicCredentials.For(_fixture.Simulator.ApiKey);
            await Should.ThrowAsync<TaskCanceledException>(() => impatient.SendAsync(request));
        }

        await Eventually.TrueAsync(() => _fixture.Simulator.Statuses["abandoned"] == abandoned + 1, "the abandoned request to be counted");
        Faults.LatencyMs = 0;
        using (await GetAsync(JanePath))
        {
        }

        using var listed = await _fixture.Client.GetAsync("/__sim/statuses");
        var counts = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement;
        counts.GetProperty("200").GetInt32().ShouldBeGreaterThan(0);
        counts.GetProperty("abandoned").GetInt32().ShouldBe(abandoned + 1);
    }

    private async Task<int[]> StatusesAsync(int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await GetAsync(JanePath);
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }

    private Task<HttpResponseMessage> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = BasicCredentials.For(_fixture.Simulator.ApiKey);
        return _fixture.Client.SendAsync(request);
    }

    private static async Task<string?> ErrorTypeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("type").GetString();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }
    }
}
