using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Dashboard;

/// <summary>The dashboard at <c>/</c> in headless Chromium against the real sandbox gateway.</summary>
public sealed class DashboardBrowserTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task Dashboard_AfterTraffic_ShowsEveryProviderWithLatencies_UpdatesLive_AndCallsOnlyTheGateway()
    {
        await using var gateway = await GatewayServer.StartAsync();
        var baseUrl = gateway.Client.BaseAddress!.ToString().TrimEnd('/');
        foreach (var email in new[] { SampleIdentifiers.JaneDoeEmail, SampleIdentifiers.JaneDoeEmail, SampleIdentifiers.UnknownEmail })
        {
            await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{email}}"}""");
        }

        var (page, requests) = await chromium.OpenAsync();
        await page.GotoAsync(baseUrl + "/");
        await page.Locator("#status[data-state='live']").WaitForAsync();

        (await page.Locator("#providers tbody tr").CountAsync()).ShouldBe(5);
        var clearbit = page.Locator("tr[data-provider='clearbit'] td");
        (await clearbit.Nth(2).InnerTextAsync()).ShouldBe("closed");
        (await clearbit.Nth(4).InnerTextAsync()).ShouldNotBe("0", "the lookups the traffic made are counted");
        (await clearbit.Nth(6).InnerTextAsync()).ShouldEndWith("ms");
        (await page.Locator("tr[data-provider='clearbit'] td.bar rect").GetAttributeAsync("width")).ShouldNotBe("0");
        (await page.Locator("#cache-detail").InnerTextAsync()).ShouldContain("hits");
        (await page.Locator("#queues").InnerTextAsync()).ShouldContain("caller events: 0 waiting");

        (await page.Locator("#fill tbody tr[data-field='jobTitle'] td.bar").CountAsync()).ShouldBeGreaterThan(0, "the fill table shows the fields answers filled");
        (await page.Locator(".credits[data-provider='clearbit'] rect").CountAsync()).ShouldBe(30);
        (await page.Locator(".credits[data-provider='clearbit'] rect").Last.GetAttributeAsync("height")).ShouldNotBe("0", "today's spend is drawn");

        var first = await page.Locator("#status").GetAttributeAsync("data-updated-at");
        await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");
        await page.WaitForFunctionAsync(
            "previous => document.querySelector('#status').dataset.updatedAt !== previous && Number(document.querySelector('#rps-chart').dataset.points) >= 1",
            first);

        (await page.Locator("#rps-chart path").GetAttributeAsync("d")).ShouldNotBeNullOrEmpty();
        requests.ShouldAllBe(url => url.StartsWith(baseUrl + "/", StringComparison.Ordinal), "the dashboard loads and calls nothing but the gateway");
    }

    [Fact]
    public async Task DashboardData_AfterTraffic_HoldsFillRatesPerField_AndThirtyDaysOfCredits()
    {
        await using var gateway = await GatewayServer.StartAsync();
        foreach (var email in new[] { SampleIdentifiers.JaneDoeEmail, SampleIdentifiers.JaneDoeEmail, SampleIdentifiers.UnknownEmail })
        {
            await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{email}}"}""");
        }

        var view = await gateway.Client.GetFromJsonAsync<JsonElement>("/v1/dashboard");

        // Two fresh Clearbit answers (Jane Doe matched, the unknown address not; the repeat came from the cache): every
        // field Jane Doe's answer filled was filled by one answer in two.
        var clearbit = view.GetProperty("fill").EnumerateArray().Single(static p => p.GetProperty("name").GetString() == "clearbit");
        clearbit.GetProperty("answers").GetInt64().ShouldBe(2);
        var fields = clearbit.GetProperty("fields").EnumerateObject().ToDictionary(static f => f.Name, static f => f.Value.GetDouble());
        fields.Keys.ShouldContain("jobTitle");
        fields.Values.ShouldAllBe(static rate => rate == 0.5);

        var days = view.GetProperty("credits").EnumerateArray().Single(static p => p.GetProperty("name").GetString() == "clearbit").GetProperty("days").EnumerateArray().ToList();
        days.Count.ShouldBe(30);
        days[^1].GetProperty("day").GetString().ShouldBe(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        days[^1].GetProperty("calls").GetInt64().ShouldBeGreaterThan(0);
        days.Take(29).ShouldAllBe(static d => d.GetProperty("calls").GetInt64() == 0);

        var queues = view.GetProperty("queues").EnumerateArray().ToDictionary(static q => q.GetProperty("name").GetString()!, static q => q.GetProperty("waiting").GetInt64());
        queues.Keys.ShouldBe(["pipeline", "caller events", "external contacts", "CDP outcomes"]);
        queues["pipeline"].ShouldBe(view.GetProperty("pipeline").GetProperty("staged").GetInt64());
    }

    [Fact]
    public async Task DashboardData_IsBehindTheGatewayKeys_ThePageIsNot()
    {
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=false", "--Gateway:ApiKeys=dash-key");

        using var page = await gateway.Client.GetAsync("/");
        using var anonymous = await gateway.Client.GetAsync("/v1/dashboard");
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/v1/dashboard") { Headers = { { "X-Api-Key", "dash-key" } } };
        using var data = await gateway.Client.SendAsync(keyed);

        ((int)page.StatusCode).ShouldBe(200);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("clearbit", Case.Insensitive);
        ((int)anonymous.StatusCode).ShouldBe(401);
        ((int)data.StatusCode).ShouldBe(200);
        (await data.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pipeline").GetProperty("staged").GetInt64().ShouldBe(0);
    }
}
