using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.Infrastructure;

/// <summary>The enforced per-minute window, on a fake clock so the test never waits for a minute to pass.</summary>
public sealed class RateLimitWindowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private ClearbitSimulator _simulator = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _simulator = new ClearbitSimulator(new SimulatorOptions { TimeProvider = _time }, TestDataset.Shared, 0);
        await _simulator.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_simulator.BaseUrl) };
        _client.DefaultRequestHeaders.Authorization = new("Bearer", _simulator.ApiKey);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task PerMinuteLimit_RefusesBeyondTheLimit_UntilTheWindowResets()
    {
        _simulator.Faults.PerMinuteLimit = 2;

        using var first = await FindJaneAsync();
        _time.Advance(TimeSpan.FromSeconds(20));
        using var second = await FindJaneAsync();
        using var refused = await FindJaneAsync();
        _time.Advance(TimeSpan.FromSeconds(41));
        using var afterReset = await FindJaneAsync();

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(first, "X-RateLimit-Remaining").ShouldBe("1");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(second, "X-RateLimit-Reset").ShouldBe("40");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Header(refused, "X-RateLimit-Remaining").ShouldBe("0");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(40));
        afterReset.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(afterReset, "X-RateLimit-Limit").ShouldBe("2");
    }

    [Fact]
    public async Task WithoutALimitFault_TheUsualLimitIsAdvertisedButNotEnforced()
    {
        for (var i = 0; i < 5; i++)
        {
            using var response = await FindJaneAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Header(response, "X-RateLimit-Limit").ShouldBe("600");
            Header(response, "X-RateLimit-Remaining").ShouldBe((599 - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private Task<HttpResponseMessage> FindJaneAsync() => _client.GetAsync("/v2/people/find?email=" + SampleIdentifiers.JaneDoeEmail);

    private static string Header(HttpResponseMessage response, string name) => string.Join(',', response.Headers.GetValues(name));
}
