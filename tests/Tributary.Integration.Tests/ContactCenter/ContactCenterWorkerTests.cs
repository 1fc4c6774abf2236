using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.ContactCenter;

/// <summary>
/// How the contact-center worker shares its slots and leases, in sandbox mode on a fake clock: an event retrying a
/// failing conversation sits in its backoff for as long as the test leaves the clock alone.
/// </summary>
public sealed class ContactCenterWorkerTests : IAsyncLifetime
{
    private const string Failing = "5b1f3a2c-0000-4000-8000-0000000000f1";
    private const string Healthy = "5b1f3a2c-0000-4000-8000-0000000000a1";
    private const string Participant = "7c2e4b3d-0000-4000-8000-000000000002";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private GatewayServer _gateway = null!;

    private GenesysSimulator Genesys => _gateway.Services.GetRequiredService<SandboxSimulators>().Genesys;

    public async Task InitializeAsync()
    {
        // Ten attempts: backoff 1 + 2 + … + 256 s, far past the 60 s lease.
        _gateway = await GatewayServer.StartAsync(services => services.AddSingleton<TimeProvider>(_time), "--Genesys:MaxAttempts=10");
        Genesys.AddConversation(Failing, Participant);
        Genesys.AddConversation(Healthy, Participant);
        Genesys.FailConversation(Failing, 503);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task AnEventInBackoff_DoesNotDelayAnotherCallersAttributes()
    {
        await PostAsync("evt-failing", Failing, "tel:+13175550123");
        await Eventually.TrueAsync(() => Genesys.AttributeWrites.Any(w => w.ConversationId == Failing), "the failing conversation's first attempt");

        await PostAsync("evt-healthy", Healthy, "tel:" + SampleIdentifiers.JaneDoePhone);

        // The failing event waits for its 1 s backoff on a clock that does not move: only a free slot writes this one.
        await Eventually.TrueAsync(
            () => Genesys.AttributeWrites.Any(w => w.ConversationId == Healthy && w.Status == 202), "the healthy caller's attributes", TimeSpan.FromSeconds(3));
        Genesys.GetAttributes(Healthy, Participant)!["enrich.name"].ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task AnEventRetryingPastItsLease_KeepsItsClaim()
    {
        await PostAsync("evt-long", Failing, "tel:+13175550123");
        await Eventually.TrueAsync(() => Genesys.AttributeWrites.Any(w => w.ConversationId == Failing), "the failing conversation's first attempt");

        // 70 s of retries, a second at a time so every timer due on the way fires in its turn.
        for (var i = 0; i < 70; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        var queue = _gateway.Services.GetRequiredService<IStagingQueue>();
        var stolen = await queue.ClaimAsync(10, TimeSpan.FromSeconds(60), ["genesys"], CancellationToken.None);

        stolen.Records.ShouldBeEmpty("the worker still holds the event it is retrying");
        (await queue.CountAsync(["genesys"], CancellationToken.None)).ShouldBe(1);
        Genesys.AttributeWrites.Count(w => w.ConversationId == Failing).ShouldBeGreaterThan(1);
    }

    private async Task PostAsync(string id, string conversation, string ani)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys")
        {
            Content = new StringContent(
                $$$$"""{"id":"{{{{id}}}}","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND","conversationId":"{{{{conversation}}}}","participantId":"{{{{Participant}}}}","ani":"{{{{ani}}}}"}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Webhook-Secret", "genesys-sandbox-secret");
        using var response = await _gateway.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
