using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Pipeline;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary><c>HubSpot:TriggerProperties</c> given as one comma-separated value, as a flag or an environment variable gives it.</summary>
public sealed class HubSpotTriggerPropertiesTests
{
    [Fact]
    public async Task ACommaSeparatedValue_MakesEachPropertyATrigger_InsteadOfEmail()
    {
        await using var gateway = await GatewayServer.StartAsync("--HubSpot:TriggerProperties=jobtitle,company", "--Pipeline:Enabled=false");

        (await AcceptedAsync(gateway, 1, "company")).ShouldBe(1);
        (await AcceptedAsync(gateway, 2, "jobtitle")).ShouldBe(1);
        (await AcceptedAsync(gateway, 3, "email")).ShouldBe(0);
    }

    private static async Task<int> AcceptedAsync(GatewayServer gateway, int eventId, string property)
    {
        var body = $$"""[{"eventId":{{eventId}},"objectId":1002,"occurredAt":1764936000000,"subscriptionType":"contact.propertyChange","propertyName":"{{property}}","propertyValue":"x"}]""";
        using var response = await HubSpotWebhookSender.PostAsync(gateway.Client, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32();
    }
}
