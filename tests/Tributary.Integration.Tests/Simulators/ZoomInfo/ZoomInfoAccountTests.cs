using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.ZoomInfo;

/// <summary>What one account may ask for (entitled output fields) and how its enrich results come back (order).</summary>
public sealed class ZoomInfoAccountTests
{
    [Fact]
    public async Task AnOrdinaryAccount_AskingForTheMobilePhoneAddOn_Gets403Zi0003()
    {
        await using var zoominfo = await StartAsync(new SimulatorOptions());

        var (status, body) = await EnrichAsync(zoominfo, """[{"emailAddress":"jane.doe@acme.com"}]""", """["id","mobilePhone","phone"]""");

        status.ShouldBe(HttpStatusCode.Forbidden);
        var error = body.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("ZI0003");
        error.GetProperty("status").GetInt32().ShouldBe(403);
        error.GetProperty("message").GetString()!.ShouldContain("mobilePhone");
    }

    [Fact]
    public async Task ARestrictedAccount_AnswersEntitledFields_AndRefusesAnyOther()
    {
        await using var zoominfo = await StartAsync(new SimulatorOptions { ZoomInfoEntitledFields = ["firstName", "lastName", "email"] });

        var (allowed, record) = await EnrichAsync(zoominfo, """[{"emailAddress":"jane.doe@acme.com"}]""", """["ID","FirstName","email"]""");
        var (refused, error) = await EnrichAsync(zoominfo, """[{"emailAddress":"jane.doe@acme.com"}]""", """["firstName","jobTitle"]""");
        var (company, _) = await EnrichAsync(zoominfo, """[{"companyWebsite":"acme.com"}]""", """["name"]""", "/enrich/company");

        allowed.ShouldBe(HttpStatusCode.OK);
        record.GetProperty("data").GetProperty("result")[0].GetProperty("data")[0].GetProperty("email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        refused.ShouldBe(HttpStatusCode.Forbidden);
        error.GetProperty("error").GetProperty("message").GetString()!.ShouldEndWith(": jobTitle");
        company.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Shuffled_AnswersEveryInputOutOfOrder_EachResultEchoingItsOwnInput()
    {
        await using var zoominfo = await StartAsync(new SimulatorOptions { ZoomInfoResultOrder = ZoomInfoResultOrder.Shuffled });
        var people = (await TestDataset.Shared).People.Where(ZoomInfoSimulator.Coverage.Knows).Take(6).ToArray();
        var inputs = "[" + string.Join(',', people.Select(p => $$"""{"emailAddress":"{{p.Email}}"}""")) + "]";

        var (status, body) = await EnrichAsync(zoominfo, inputs, """["email"]""");

        status.ShouldBe(HttpStatusCode.OK);
        var results = body.GetProperty("data").GetProperty("result").EnumerateArray().ToArray();
        var echoed = results.Select(r => r.GetProperty("input").GetProperty("emailaddress").GetString()).ToArray();
        echoed.ShouldBe(people.Select(p => p.Email), ignoreOrder: true);
        echoed.ShouldNotBe(people.Select(p => p.Email).ToArray());
        results.ShouldAllBe(r => r.GetProperty("data")[0].GetProperty("email").GetString() == r.GetProperty("input").GetProperty("emailaddress").GetString());
    }

    [Fact]
    public async Task ShuffledOneMissing_LeavesOutTheFirstInputsResult()
    {
        await using var zoominfo = await StartAsync(new SimulatorOptions { ZoomInfoResultOrder = ZoomInfoResultOrder.ShuffledOneMissing });
        var people = (await TestDataset.Shared).People.Take(4).ToArray();
        var inputs = "[" + string.Join(',', people.Select(p => $$"""{"emailAddress":"{{p.Email}}"}""")) + "]";

        var (_, body) = await EnrichAsync(zoominfo, inputs, """["email"]""");

        var echoed = body.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => r.GetProperty("input").GetProperty("emailaddress").GetString());
        echoed.ShouldBe(people.Skip(1).Select(p => p.Email), ignoreOrder: true);
    }

    private static async Task<ZoomInfoSimulator> StartAsync(SimulatorOptions options)
    {
        var simulator = new ZoomInfoSimulator(options, TestDataset.Shared, 0);
        await simulator.StartAsync();
        return simulator;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> EnrichAsync(
        ZoomInfoSimulator simulator, string inputs, string fields, string path = "/enrich/contact")
    {
        using var client = new HttpClient { BaseAddress = new Uri(simulator.BaseUrl) };
        using var login = await client.PostAsJsonAsync("/authenticate", new { username = simulator.Username, password = simulator.Password });
        var jwt = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString();
        var inputName = path.EndsWith("company", StringComparison.Ordinal) ? "matchCompanyInput" : "matchPersonInput";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$"""{"{{inputName}}":{{inputs}},"outputFields":{{fields}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", jwt);
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}
