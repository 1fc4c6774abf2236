using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Privacy;

/// <summary><c>Privacy:RetentionDays</c> through the real gateway, on a fake clock: old personal data goes, recent stays.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task DataOlderThanTheRetention_IsPurgedByTheDailyRun_AndRecentDataStays()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        await using var gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<TimeProvider>(time), "--Privacy:RetentionDays=30", "--Sandbox:Warmup=false");
        var old = await IdentifyAsync(gateway, "retention.old@acme.test");
        time.Advance(TimeSpan.FromDays(20));
        var recent = await IdentifyAsync(gateway, "retention.recent@acme.test");

        // Day 31 for the first profile, day 11 for the second; the daily run comes due.
        time.Advance(TimeSpan.FromDays(11));

        await Eventually.TrueAsync(async () => (await StatusAsync(gateway, old)) == HttpStatusCode.NotFound, "the old profile to be purged");
        (await StatusAsync(gateway, recent)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithoutARetention_NothingIsPurged()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        await using var gateway = await GatewayServer.StartAsync(services => services.AddSingleton<TimeProvider>(time), "--Sandbox:Enabled=false");
        var profile = await IdentifyAsync(gateway, "retention.kept@acme.test");

        time.Advance(TimeSpan.FromDays(31));
        await Task.Yield();

        (await StatusAsync(gateway, profile)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> IdentifyAsync(GatewayServer gateway, string email)
    {
        using var response = await gateway.Client.PostAsync("/v1/identity/identify", new StringContent($$$"""{"traits":{"email":"{{{email}}}"}}""", Encoding.UTF8, "application/json"));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileId").GetString()!;
    }

    private static async Task<HttpStatusCode> StatusAsync(GatewayServer gateway, string profileId)
    {
        using var response = await gateway.Client.GetAsync($"/v1/profiles/{profileId}");
        return response.StatusCode;
    }
}
