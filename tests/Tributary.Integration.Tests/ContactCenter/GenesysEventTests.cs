using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.ContactCenter;

/// <summary>
/// Seed 001 end to end in sandbox mode: a Genesys <c>customer.start</c> envelope → <c>/webhooks/genesys</c> → the
/// caller enriched → the conversation's participant attributes written at the Genesys simulator, over HTTP.
/// </summary>
public sealed class GenesysEventTests : IAsyncLifetime
{
    private const string Secret = "genesys-sandbox-secret";
    private const string Conversation = "5b1f3a2c-0000-4000-8000-000000000001";
    private const string Participant = "7c2e4b3d-0000-4000-8000-000000000002";

    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync(
        "--Genesys:MaxAttempts=1", "--Genesys:ExternalContacts:Enabled=true", "--Genesys:ExternalContacts:CoalesceSeconds=1");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private GenesysSimulator Genesys => _gateway.Services.GetRequiredService<SandboxSimulators>().Genesys;

    [Fact]
    public async Task AKnownCaller_GetsPrefixedStringAttributes_WithSourceAndConfidence()
    {
        Genesys.AddConversation(Conversation, Participant);

        using var response = await PostAsync(Envelope("evt-1", Conversation, Participant, "tel:" + SampleIdentifiers.JaneDoePhone));
        await Eventually.TrueAsync(() => Genesys.AttributeWrites.Count > 0, "the attributes to be written");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var attributes = Genesys.GetAttributes(Conversation, Participant)!;
        attributes["enrich.name"].ShouldBe("Jane Doe");
        attributes["enrich.companyName"].ShouldBe(SampleIdentifiers.AcmeName);
        attributes["enrich.employeeCount"].ShouldBe("500");
        attributes["enrich.source"].ShouldNotBe("none");
        double.Parse(attributes["enrich.confidence"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(0.5, 1);
        attributes.Keys.ShouldAllBe(k => k.StartsWith("enrich.", StringComparison.Ordinal));
        attributes.Values.ShouldAllBe(v => v.Length > 0);
    }

    [Fact]
    public async Task AKnownCaller_IsLinkedInTheIdentityGraph_ByPhoneAndTheAnswersEmail()
    {
        Genesys.AddConversation(Conversation, Participant);

        using var response = await PostAsync(Envelope("evt-link", Conversation, Participant, "tel:" + SampleIdentifiers.JaneDoePhone));
        var byEmail = default(JsonElement);
        await Eventually.TrueAsync(
            async () => (byEmail = await ResolveAsync($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).GetProperty("match").GetString() == "deterministic",
            "the caller to be linked");
        var byPhone = await ResolveAsync($$"""{"phone":"{{SampleIdentifiers.JaneDoePhone}}"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        byPhone.GetProperty("profileId").GetString().ShouldBe(byEmail.GetProperty("profileId").GetString());
        byEmail.GetProperty("summary").GetProperty("name").GetString().ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task AnUnknownCaller_GetsSourceNoneOnly_SoTheFlowCanBranch()
    {
        // The reference sample: a 555 number no provider knows.
        using var response = await PostAsync(Envelope("6a7e8feb-b491-4cf7-a9f1-bf3703467718", GenesysSimulator.SampleConversationId, GenesysSimulator.SampleParticipantId, "tel:+13175550123"));
        await Eventually.TrueAsync(() => Genesys.AttributeWrites.Count > 0, "the attributes to be written");

        Genesys.GetAttributes(GenesysSimulator.SampleConversationId, GenesysSimulator.SampleParticipantId)!
            .ShouldBe(new Dictionary<string, string> { ["enrich.source"] = "none" });
    }

    [Fact]
    public async Task TheSameEnvelopeTwice_IsADuplicate_AndWritesOnce()
    {
        Genesys.AddConversation(Conversation, Participant);
        var envelope = Envelope("evt-dup", Conversation, Participant, "tel:" + SampleIdentifiers.JaneDoePhone);

        using var first = await PostAsync(envelope);
        using var second = await PostAsync(envelope);
        await Eventually.TrueAsync(() => Genesys.AttributeWrites.Count > 0, "the attributes to be written");
        await DrainedAsync("genesys");

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldBe("""{"duplicate":true}""");
        Genesys.AttributeWrites.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("genesys-sandbox-secreT")]
    public async Task AWrongOrMissingSecret_Is401_AndStoresNothing(string? secret)
    {
        using var response = await PostAsync(Envelope("evt-x", Conversation, Participant, "tel:+14152220123"), secret);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _gateway.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Theory]
    [InlineData("v2.detail.events.conversation.{id}.customer.end", "INBOUND")]
    [InlineData("v2.detail.events.conversation.{id}.customer.start", "OUTBOUND")]
    public async Task OtherTopics_AreAcknowledged_AndIgnored(string topic, string direction)
    {
        Genesys.AddConversation(Conversation, Participant);

        using var response = await PostAsync(Envelope("evt-other", Conversation, Participant, "tel:+14152220123", topic, direction));

        // Nothing was queued with the acknowledgement, so nothing can be written later.
        (await _gateway.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None)).ShouldBe(0);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(0);
        Genesys.AttributeWrites.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"detail\":{}}")]
    public async Task AMalformedEnvelope_Is400(string body)
    {
        using var response = await PostAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnEnvelopeHoldingBytesThatAreNotUtf8_Is400_NotAServerError()
    {
        // A 5xx would have EventBridge deliver the same bad event again and again.
        var envelope = Encoding.UTF8.GetBytes(Envelope("evt-\u00e9", Conversation, Participant, "tel:+14152220123"));
        var at = envelope.AsSpan().IndexOf("\u00e9"u8);
        envelope[at] = 0xFF;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys") { Content = new ByteArrayContent(envelope) };
        request.Headers.Add("X-Webhook-Secret", Secret);

        using var response = await _gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("UTF-8");
        (await _gateway.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task AChunkedEnvelopeOfExactlyTheLimit_IsAccepted_AsWithAContentLength()
    {
        // Kestrel counts chunk framing against its own limit; the contract's 1 MB is the body's.
        var envelope = Envelope("evt-chunked", Conversation, Participant, "tel:+14152220123", "v2.detail.events.conversation.{id}.customer.end");
        var padded = Encoding.UTF8.GetBytes(envelope.PadRight(1024 * 1024));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys") { Content = new StreamContent(new MemoryStream(padded), 4096) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Webhook-Secret", Secret);

        using var response = await _gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task AVanishedConversation_EndsQuietly_WithoutADeadLetter_AndTheCallersContactIsStillWritten()
    {
        using var response = await PostAsync(Envelope("evt-gone", "9f9f9f9f-0000-4000-8000-00000000dead", Participant, "tel:" + SampleIdentifiers.JaneDoePhone));
        await DrainedAsync("genesys");
        await DrainedAsync("genesys-contact");

        Genesys.AttributeWrites.ShouldAllBe(w => w.Status == 404);
        (await _gateway.Services.GetRequiredService<IDeadLetterStore>().CountAsync(CancellationToken.None)).ShouldBe(0);
        Genesys.ExternalContactWrites.Count.ShouldBe(1, "a caller who hung up before the attributes were written is still enriched");
    }

    [Fact]
    public async Task AFailingGenesys_MakesADeadLetter_ThatReplaysOnceGenesysRecovers()
    {
        Genesys.AddConversation(Conversation, Participant);
        Genesys.Faults.FailStatus = 503;
        var deadLetters = _gateway.Services.GetRequiredService<IDeadLetterStore>();

        using var response = await PostAsync(Envelope("evt-5xx", Conversation, Participant, "tel:" + SampleIdentifiers.JaneDoePhone));
        await Eventually.TrueAsync(async () => await deadLetters.CountAsync(CancellationToken.None) == 1, "the dead letter");
        Genesys.Faults.Reset();
        var letter = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/dead-letters"))[0];
        using var replay = await _gateway.Client.PostAsync($"/v1/dead-letters/{letter.GetProperty("id").GetInt64()}/replay", null);
        await Eventually.TrueAsync(() => Genesys.GetAttributes(Conversation, Participant)?.ContainsKey("enrich.name") == true, "the replayed write");

        letter.GetProperty("kind").GetString().ShouldBe("genesys");
        letter.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deadLetters.CountAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task ManyCallsFromOneCaller_WithinTheWindow_MakeOneExternalContactWrite()
    {
        for (var i = 0; i < 20; i++)
        {
            var conversation = $"5b1f3a2c-0000-4000-8000-{i:D12}";
            Genesys.AddConversation(conversation, Participant);
            using var response = await PostAsync(Envelope($"evt-c{i}", conversation, Participant, "tel:" + SampleIdentifiers.JaneDoePhone));
        }

        await Eventually.TrueAsync(() => Genesys.AttributeWrites.Count == 20, "every call's attributes");
        await Eventually.TrueAsync(() => Genesys.ExternalContactWrites.Count > 0, "the external contact", TimeSpan.FromSeconds(15));
        await DrainedAsync("genesys-contact");

        Genesys.ExternalContactWrites.Count.ShouldBe(1);
        Genesys.ExternalContactCount.ShouldBe(1);
    }

    /// <summary>Until nothing of <paramref name="source"/> is queued: every event or update has had its effect.</summary>
    private async Task DrainedAsync(string source)
    {
        var queue = _gateway.Services.GetRequiredService<IStagingQueue>();
        await Eventually.TrueAsync(async () => await queue.CountAsync([source], CancellationToken.None) == 0, $"the {source} queue to drain");
    }

    private async Task<JsonElement> ResolveAsync(string body)
    {
        using var response = await _gateway.Client.PostAsync("/v1/identity/resolve", new StringContent(body, Encoding.UTF8, "application/json"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Webhook-Secret", secret);
        }

        return await _gateway.Client.SendAsync(request);
    }

    private static string Envelope(string id, string conversation, string participant, string ani, string topic = "v2.detail.events.conversation.{id}.customer.start", string direction = "INBOUND") =>
        $$$$"""
        {"version":"0","id":"{{{{id}}}}","detail-type":"{{{{topic}}}}","source":"aws.partner/genesys.com","time":"2025-03-04T15:02:11Z",
         "detail":{"topicName":"{{{{topic.Replace("{id}", conversation, StringComparison.Ordinal)}}}}","version":"2",
           "eventBody":{"conversationId":"{{{{conversation}}}}","participantId":"{{{{participant}}}}","direction":"{{{{direction}}}}","ani":"{{{{ani}}}}","mediaType":"VOICE"}}}
        """;

}
