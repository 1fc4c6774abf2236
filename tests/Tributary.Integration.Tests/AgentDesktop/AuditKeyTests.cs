using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.AgentDesktop;

/// <summary>Audit rows name the gateway key a reader used, by an id that does not reveal the key.</summary>
public sealed class AuditKeyTests
{
    [Fact]
    public async Task ProfileRead_WithAGatewayKey_IsAuditedUnderTheKeysId_NeverTheKey()
    {
        const string key = "desk-key-7f3a";
        await using var server = await GatewayServer.StartAsync("--Sandbox:Enabled=false", $"--Gateway:ApiKeys={key}");
        server.Client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var identified = await server.Client.PostAsync("/v1/identity/identify", new StringContent("""{"traits":{"email":"keyed.reader@acme.test"}}""", Encoding.UTF8, "application/json"));
        var profileId = (await identified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileId").GetString();

        using var read = await server.Client.GetAsync($"/v1/profiles/{profileId}");
        var audit = await server.Client.GetStringAsync($"/v1/audit?profileId={profileId}");

        ((int)read.StatusCode).ShouldBe(200);
        var expectedId = "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 6);
        JsonDocument.Parse(audit).RootElement.GetProperty("entries")[0].GetProperty("actor").GetString().ShouldBe(expectedId);
        audit.ShouldNotContain(key);
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cdp").GetProperty("status").GetString().ShouldBe("not_configured");
    }
}
