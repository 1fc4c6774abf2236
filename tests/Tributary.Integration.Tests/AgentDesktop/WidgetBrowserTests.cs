using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.AgentDesktop;

/// <summary>The <c>/widget</c> page in headless Chromium against the real sandbox gateway.</summary>
public sealed class WidgetBrowserTests(DesktopGateway gateway, HeadlessChromium chromium) : IClassFixture<DesktopGateway>, IClassFixture<HeadlessChromium>
{
    private string BaseUrl => gateway.Server.Client.BaseAddress!.ToString().TrimEnd('/');

    [Fact]
    public async Task Widget_ByProfileId_ShowsEachFieldWithSourceAndConfidence_AndMaskedValuesOnly()
    {
        var profileId = await gateway.IdentifyAsync($$$"""{"userId":"{{{SegmentSimulator.SensitiveUserId}}}","traits":{"crmId":"003WIDGET00001","name":"Sam Sensitive"}}""");
        var observed = DateTimeOffset.UtcNow;
        await gateway.Server.Services.GetRequiredService<IEnrichedContactStore>().UpsertAsync(
            [new EnrichedContact("003WIDGET00001", observed) { CompanyName = "Widget Works", Provenance = [new FieldProvenance("companyName", "clearbit", 0.87, observed)] }],
            CancellationToken.None);
        var (page, requests) = await chromium.OpenAsync();

        await page.GotoAsync($"{BaseUrl}/widget?profileId={profileId}");
        await page.Locator("tr[data-field='ssn']").WaitForAsync();

        (await Cell(page, "companyName", "value")).ShouldBe("Widget Works");
        (await Cell(page, "companyName", "source")).ShouldBe("clearbit");
        (await Cell(page, "companyName", "confidence")).ShouldBe("0.87");
        (await Cell(page, "tier", "source")).ShouldBe("cdp");
        (await Cell(page, "ssn", "value")).ShouldBe("***-**-6789");
        (await Cell(page, "card_on_file", "value")).ShouldBe("************1111");
        var dom = await page.ContentAsync();
        foreach (var raw in new[] { "123-45-6789", "4111 1111 1111 1111", "5555-5555-5555-4444" })
        {
            dom.ShouldNotContain(raw);
        }

        requests.ShouldAllBe(url => url.StartsWith(BaseUrl + "/", StringComparison.Ordinal), "the widget calls only the gateway");
    }

    [Fact]
    public async Task Widget_Refresh_AsksTheGatewayToBypassItsCache_AndShowsTheNewValue()
    {
        const string userId = "CUST-WIDGET-REFRESH";
        gateway.Segment.SetTraits(userId, new Dictionary<string, string> { ["tier"] = "SILVER" });
        var profileId = await gateway.IdentifyAsync($$$"""{"userId":"{{{userId}}}","traits":{"name":"Refreshing Rita"}}""");
        var (page, requests) = await chromium.OpenAsync();
        await page.GotoAsync($"{BaseUrl}/widget?profileId={profileId}");
        await page.Locator("tr[data-field='tier'] td.value", new() { HasText = "SILVER" }).WaitForAsync();

        gateway.Segment.SetTraits(userId, new Dictionary<string, string> { ["tier"] = "GOLD" });
        await page.ClickAsync("#refresh");

        await page.Locator("tr[data-field='tier'] td.value", new() { HasText = "GOLD" }).WaitForAsync();
        requests.ShouldContain(url => url.EndsWith($"/v1/profiles/{profileId}?refresh=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Widget_ForAHouseholdPhone_AsksToVerifyBeforeShowingTheProfile()
    {
        await gateway.IdentifyAsync("""{"traits":{"email":"household.one@widget.test","phone":"+1 212 555 0142","name":"First Householder"}}""");
        await gateway.IdentifyAsync("""{"traits":{"email":"household.two@widget.test","phone":"+1 212 555 0142","name":"Second Householder"}}""");
        var (page, _) = await chromium.OpenAsync();

        await page.GotoAsync($"{BaseUrl}/widget?phone=%2B12125550142");
        await page.Locator("#verify").WaitForAsync();

        (await page.Locator("#profile").IsVisibleAsync()).ShouldBeFalse("nothing is shown before the agent verifies the caller");
        (await page.Locator("#verify-text").TextContentAsync()).ShouldNotBeNull().ShouldContain("confidence");
        await page.ClickAsync("#verified");
        await page.Locator("tr[data-field='name']").WaitForAsync();
    }

    [Fact]
    public async Task Widget_ForAnUnknownCaller_ShowsTheGuestState()
    {
        var (page, _) = await chromium.OpenAsync();

        await page.GotoAsync($"{BaseUrl}/widget?email=nobody.known@widget.test");

        await page.Locator("#guest").WaitForAsync();
        (await page.Locator("#state").GetAttributeAsync("data-state")).ShouldBe("guest");
        (await page.Locator("#profile").IsVisibleAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Widget_ShowsHostileValuesAsText_NeverAsMarkup()
    {
        var profileId = await gateway.IdentifyAsync("""{"traits":{"email":"hostile.value@widget.test","nickname":"<img src=x onerror=\"document.title='pwned'\">"}}""");
        var (page, _) = await chromium.OpenAsync();

        await page.GotoAsync($"{BaseUrl}/widget?profileId={profileId}");
        await page.Locator("tr[data-field='nickname']").WaitForAsync();

        (await Cell(page, "nickname", "value")).ShouldStartWith("<img");
        (await page.Locator("#fields img").CountAsync()).ShouldBe(0);
        (await page.TitleAsync()).ShouldNotBe("pwned");
    }

    private static Task<string> Cell(IPage page, string field, string column) =>
        page.Locator($"tr[data-field='{field}'] td.{column}").First.InnerTextAsync();
}
