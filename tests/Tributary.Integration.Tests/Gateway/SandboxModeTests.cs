using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>
/// When the gateway starts its simulators: only with no credentials of any kind, since sample answers must never reach
/// a real CRM or contact center; and in sandbox mode, what a user configures wins over the sandbox's wiring.
/// </summary>
public sealed class SandboxModeTests
{
    [Theory]
    [InlineData("--Providers:Clearbit:ApiKey=sk_live_ours")]
    [InlineData("--HubSpot:AccessToken=pat-na1-ours")]
    [InlineData("--Salesforce:ClientId=3MVG9ours", "--Salesforce:ClientSecret=ours", "--Salesforce:RefreshToken=ours")]
    [InlineData("--Genesys:ClientId=ours", "--Genesys:ClientSecret=ours", "--Genesys:Region=us_east_1")]
    [InlineData("--Segment:WriteKey=ours")]
    [InlineData("--Providers:Http:Crm:BaseUrl=http://127.0.0.1:9", "--Providers:Http:Crm:PathTemplate=/customers/{email}", "--Providers:Http:Crm:Mapping:loyaltyTier=tier")]
    public async Task AnyCredential_MeansRealSystems_SoNoSimulatorStarts(params string[] credentials)
    {
        await using var gateway = await GatewayServer.StartAsync(credentials);

        gateway.Services.GetService<SandboxSimulators>().ShouldBeNull();
    }

    [Fact]
    public async Task NoCredentialsAtAll_StartsTheSimulators()
    {
        await using var gateway = await GatewayServer.StartAsync();

        gateway.Services.GetService<SandboxSimulators>().ShouldNotBeNull();
    }

    [Fact]
    public async Task InSandboxMode_AWebhookSecretConfiguredByHand_IsTheOneVerified()
    {
        await using var gateway = await GatewayServer.StartAsync("--Genesys:WebhookSecret=our-own-genesys-secret");

        using var ours = await PostGenesysAsync(gateway, "evt-ours", "our-own-genesys-secret");
        using var sandboxes = await PostGenesysAsync(gateway, "evt-sandbox", "genesys-sandbox-secret");

        gateway.Services.GetService<SandboxSimulators>().ShouldNotBeNull();
        ours.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        sandboxes.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the README's sandbox secret is public");
    }

    private static async Task<HttpResponseMessage> PostGenesysAsync(GatewayServer gateway, string id, string secret)
    {
        var body = $$$$"""
            {"version":"0","id":"{{{{id}}}}","detail-type":"v2.detail.events.conversation.{id}.customer.start","source":"aws.partner/genesys.com",
             "time":"2025-03-04T15:02:11Z","detail":{"topicName":"v2.detail.events.conversation.{{{{GenesysSimulator.SampleConversationId}}}}.customer.start",
             "version":"2","eventBody":{"conversationId":"{{{{GenesysSimulator.SampleConversationId}}}}","participantId":"{{{{GenesysSimulator.SampleParticipantId}}}}",
             "direction":"INBOUND","ani":"tel:+13175550123","mediaType":"VOICE"}}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Webhook-Secret", secret);
        return await gateway.Client.SendAsync(request);
    }
}
