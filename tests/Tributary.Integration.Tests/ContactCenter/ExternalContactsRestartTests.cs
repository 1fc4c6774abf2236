using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.ContactCenter;

/// <summary>The External Contacts queue lives in the store: an update queued by a gateway that stops is written by the next one.</summary>
public sealed class ExternalContactsRestartTests
{
    [Fact]
    public async Task AQueuedUpdate_SurvivesARestart_AndIsWrittenOnce()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        // The update comes due 8 s after the call: after the first gateway has stopped, so it cannot hold it under a lease.
        string[] settings = ["--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Genesys:ExternalContacts:Enabled=true", "--Genesys:ExternalContacts:CoalesceSeconds=8"];

        await using (var first = await GatewayServer.StartOnDatabaseAsync(database, settings))
        {
            var genesys = first.Services.GetRequiredService<SandboxSimulators>().Genesys;
            genesys.AddConversation("c-restart", "p-restart");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys")
            {
                Content = new StringContent(
                    """{"id":"evt-restart","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND","conversationId":"c-restart","participantId":"p-restart","ani":"tel:"""
                    + SampleIdentifiers.JaneDoePhone + "\"}}}",
                    Encoding.UTF8,
                    "application/json"),
            };
            request.Headers.Add("X-Webhook-Secret", "genesys-sandbox-secret");
            (await first.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Eventually.TrueAsync(() => genesys.AttributeWrites.Count == 1, "the attributes");
            genesys.ExternalContactWrites.ShouldBeEmpty();
        }

        await using var second = await GatewayServer.StartOnDatabaseAsync(database, settings);
        var after = second.Services.GetRequiredService<SandboxSimulators>().Genesys;
        await Eventually.TrueAsync(() => after.ExternalContactWrites.Count == 1, "the queued update after the restart", TimeSpan.FromSeconds(40));
        var queue = second.Services.GetRequiredService<Tributary.Storage.IStagingQueue>();
        await Eventually.TrueAsync(async () => await queue.CountAsync(["genesys-contact"], CancellationToken.None) == 0, "the queue to drain");

        after.ExternalContactWrites.Count.ShouldBe(1);
        after.ExternalContactCount.ShouldBe(1);
    }
}
