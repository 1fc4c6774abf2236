using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.Salesforce;

/// <summary>The Salesforce simulator's wire format over raw HTTP: login errors, limits, error bodies, fault control.</summary>
public sealed class SalesforceSimulatorTests
{
    [Theory]
    [InlineData("refresh_token", "sandbox-salesforce-client", "sandbox-salesforce-secret", "wrong", "invalid_grant")]
    [InlineData("client_credentials", "sandbox-salesforce-client", "wrong", null, "invalid_client")]
    [InlineData("client_credentials", "unknown", "sandbox-salesforce-secret", null, "invalid_client_id")]
    [InlineData("password", "sandbox-salesforce-client", "sandbox-salesforce-secret", null, "unsupported_grant_type")]
    public async Task Login_WithBadCredentials_Answers400WithTheOAuthError(string grant, string clientId, string secret, string? refresh, string error)
    {
        await using var salesforce = await StartAsync();
        using var http = new HttpClient();
        var form = new Dictionary<string, string> { ["grant_type"] = grant, ["client_id"] = clientId, ["client_secret"] = secret };
        if (refresh is not null)
        {
            form["refresh_token"] = refresh;
        }

        using var response = await http.PostAsync(salesforce.BaseUrl + "/services/oauth2/token", new FormUrlEncodedContent(form));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.RootElement.GetProperty("error").GetString().ShouldBe(error);
        body.RootElement.GetProperty("error_description").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Retrieve_WithMoreThan200Ids_Answers400ExceededIdLimit()
    {
        await using var salesforce = await StartAsync();
        using var http = await LoggedInAsync(salesforce);
        var ids = string.Join(',', Enumerable.Range(0, 201).Select(i => SalesforceSimulator.SeededContactIds[i % 100]));

        using var response = await http.GetAsync($"/services/data/v62.0/composite/sobjects/Contact?ids={ids}&fields=Id");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.RootElement[0].GetProperty("errorCode").GetString().ShouldBe("EXCEEDED_ID_LIMIT");
        response.Headers.GetValues("Sforce-Limit-Info").Single().ShouldBe("api-usage=1/15000");
    }

    [Fact]
    public async Task Retrieve_UnknownIdsAndAnotherObjectsIds_AreNullEntries()
    {
        await using var salesforce = await StartAsync();
        using var http = await LoggedInAsync(salesforce);
        var contact = SalesforceSimulator.SeededContactIds[0];

        using var response = await http.GetAsync(
            $"/services/data/v62.0/composite/sobjects/Contact?ids={contact},0035e000000zzzzAAA,{SalesforceSimulator.SeededLeadIds[0]}&fields=Id,Email,Title");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.RootElement.GetArrayLength().ShouldBe(3);
        body.RootElement[0].GetProperty("attributes").GetProperty("type").GetString().ShouldBe("Contact");
        body.RootElement[0].GetProperty("Id").GetString().ShouldBe(contact);
        body.RootElement[1].ValueKind.ShouldBe(JsonValueKind.Null);
        body.RootElement[2].ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Update_WithABadNumberAndAMissingRequiredField_FailsThoseRecordsOnly()
    {
        await using var salesforce = await StartAsync();
        using var http = await LoggedInAsync(salesforce);
        var leads = SalesforceSimulator.SeededLeadIds;
        var json = $$"""
            {"allOrNone":false,"records":[
              {"attributes":{"type":"Lead"},"id":"{{leads[0]}}","NumberOfEmployees":"many"},
              {"attributes":{"type":"Lead"},"id":"{{leads[1]}}","Company":null},
              {"attributes":{"type":"Lead"},"id":"{{leads[2]}}","NumberOfEmployees":42}]}
            """;

        using var response = await http.PatchAsync("/services/data/v62.0/composite/sobjects", new StringContent(json, Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.RootElement.EnumerateArray().Select(r => r.GetProperty("success").GetBoolean()).ShouldBe([false, false, true]);
        body.RootElement[0].GetProperty("errors")[0].GetProperty("statusCode").GetString().ShouldBe("INVALID_TYPE_ON_FIELD_IN_RECORD");
        body.RootElement[1].GetProperty("errors")[0].GetProperty("statusCode").GetString().ShouldBe("REQUIRED_FIELD_MISSING");
        salesforce.GetRecord(leads[2])!.Fields["NumberOfEmployees"].ShouldBe("42");
    }

    [Fact]
    public async Task FaultsEndpoint_SetsAndResetsSalesforceFaults()
    {
        await using var salesforce = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(salesforce.BaseUrl) };

        using var set = await http.PostAsync("/__sim/salesforce/faults",
            new StringContent("""{"requestLimitExceeded":true,"failIds":["0035e0000000001"]}""", Encoding.UTF8, "application/json"));
        var limited = salesforce.SalesforceFaults.RequestLimitExceeded;
        var failIds = salesforce.SalesforceFaults.FailIds;
        using var bad = await http.PostAsync("/__sim/salesforce/faults", new StringContent("""{"failIds":["nope"]}""", Encoding.UTF8, "application/json"));
        using var reset = await http.DeleteAsync("/__sim/salesforce/faults");

        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        limited.ShouldBeTrue();
        failIds.ShouldBe(["0035e0000000001"]);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        salesforce.SalesforceFaults.RequestLimitExceeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Api_WithoutASession_Answers401InvalidSessionId()
    {
        await using var salesforce = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(salesforce.BaseUrl) };

        using var response = await http.GetAsync($"/services/data/v62.0/composite/sobjects/Contact?ids={SalesforceSimulator.SeededContactIds[0]}&fields=Id");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body.RootElement[0].GetProperty("errorCode").GetString().ShouldBe("INVALID_SESSION_ID");
    }

    private static async Task<SalesforceSimulator> StartAsync()
    {
        var simulator = new SalesforceSimulator(new SimulatorOptions(), TestDataset.Shared, port: 0);
        await simulator.StartAsync();
        return simulator;
    }

    private static async Task<HttpClient> LoggedInAsync(SalesforceSimulator salesforce)
    {
        var http = new HttpClient { BaseAddress = new Uri(salesforce.BaseUrl) };
        using var login = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = salesforce.ClientId, ["client_secret"] = salesforce.ClientSecret,
        }));
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        token.RootElement.GetProperty("instance_url").GetString().ShouldBe(salesforce.BaseUrl);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return http;
    }
}
