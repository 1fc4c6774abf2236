using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.ContactCenter;

/// <summary>
/// The External Contacts queue lives in the store: an update queued by a gateway that stops is written by the next one,
/// also when the first was in the middle of writing it. On a fake clock shared by both gateways, so the coalescing
/// window and the lease pass only when the test says.
/// </summary>
public sealed class ExternalContactsRestartTests : IDisposable
{
    private static readonly string[] Settings = ["--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Genesys:ExternalContacts:Enabled=true", "--Genesys:ExternalContacts:CoalesceSeconds=10"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _directory = new();

    private string Database => _directory.File("tributary.db");

    [Fact]
    public async Task AQueuedUpdate_SurvivesARestart_AndIsWrittenOnce()
    {
        await using (var first = await StartAsync())
        {
            var genesys = first.Services.GetRequiredService<SandboxSimulators>().Genesys;
            await CallAsync(first, genesys, "c-restart-1");
            genesys.ExternalContactWrites.ShouldBeEmpty("the update waits out its coalescing window");
        }

        _time.Advance(TimeSpan.FromSeconds(11));
        await using var second = await StartAsync();
        await WrittenOnceAsync(second, TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task AnUpdateInFlightWhenTheGatewayStops_IsGivenBack_AndWrittenByTheNextOneBeforeTheLeaseEnds()
    {
        await using (var first = await StartAsync())
        {
            var genesys = first.Services.GetRequiredService<SandboxSimulators>().Genesys;
            await CallAsync(first, genesys, "c-restart-2");
            genesys.Faults.Hang = true;
            var calls = genesys.Calls.Total;
            _time.Advance(TimeSpan.FromSeconds(10));

            await RunningClock.UntilAsync(_time, () => genesys.Calls.Total > calls, TimeSpan.FromSeconds(20), "the worker to start the update and hang in it");
        }

        // The same fake time: the first gateway's 60 s lease has not run out, so only a released claim can be taken.
        await using var second = await StartAsync();
        await WrittenOnceAsync(second, TimeSpan.FromSeconds(45));
    }

    public void Dispose() => _directory.Dispose();

    private Task<GatewayServer> StartAsync() =>
        GatewayServer.StartOnDatabaseAsync(Database, services => services.AddSingleton<TimeProvider>(_time), Settings);

    private static async Task CallAsync(GatewayServer gateway, GenesysSimulator genesys, string conversation)
    {
        genesys.AddConversation(conversation, "p-restart");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys")
        {
            Content = new StringContent(
                $$"""{"id":"evt-{{conversation}}","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND","conversationId":"{{conversation}}","participantId":"p-restart","ani":"tel:"""
                + SampleIdentifiers.JaneDoePhone + "\"}}}",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Webhook-Secret", "genesys-sandbox-secret");
        using var response = await gateway.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.TrueAsync(() => genesys.AttributeWrites.Count == 1, "the attributes");

        // The event is done once its update is queued and the event itself is gone from the queue.
        var queue = gateway.Services.GetRequiredService<IStagingQueue>();
        await Eventually.TrueAsync(
            async () => await queue.CountAsync(["genesys"], CancellationToken.None) == 0 && await queue.CountAsync(["genesys-contact"], CancellationToken.None) == 1,
            "the event processed and its update queued");
    }

    /// <summary>Until the update is written, moving the fake clock (on which the worker polls) by at most <paramref name="upTo"/>.</summary>
    private async Task WrittenOnceAsync(GatewayServer gateway, TimeSpan upTo)
    {
        var genesys = gateway.Services.GetRequiredService<SandboxSimulators>().Genesys;
        var queue = gateway.Services.GetRequiredService<IStagingQueue>();

        await RunningClock.UntilAsync(_time, () => genesys.ExternalContactWrites.Count == 1, upTo, "the queued update, written by the next gateway");
        await Eventually.TrueAsync(async () => await queue.CountAsync(["genesys-contact"], CancellationToken.None) == 0, "the queue to drain");

        genesys.ExternalContactWrites.Count.ShouldBe(1);
        genesys.ExternalContactCount.ShouldBe(1);
    }
}
