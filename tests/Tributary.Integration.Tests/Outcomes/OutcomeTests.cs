using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Host.Segment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Outcomes;

/// <summary>
/// Interaction outcomes through the real gateway to the Segment simulator, on a fake clock: the settle window, last
/// write wins, one event per interaction, retries, a restart.
/// </summary>
public sealed class OutcomeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly TempDirectory _directory = new();
    private GatewayServer? _server;

    private GatewayServer Server => _server!;

    private SegmentSimulator Segment => Server.Services.GetRequiredService<SandboxSimulators>().Segment;

    public async Task InitializeAsync() => _server = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Outcome_SettlesAfterTheWindow_LastWriteWins_AndExactlyOneTrackIsSent()
    {
        var profileId = await IdentifyAsync(SegmentSimulator.JaneDoeUserId, "settle.jane@acme.test");
        var control = await IdentifyAsync("CUST-SETTLE-CONTROL", "settle.control@acme.test");

        (await PostOutcomeAsync("conv-settle-1", profileId, "callback_requested")).ShouldBe(202);
        (await PostOutcomeAsync("conv-settle-control", control, "resolved")).ShouldBe(202);
        _time.Advance(TimeSpan.FromSeconds(60));
        (await PostOutcomeAsync("conv-settle-1", profileId, "resolved")).ShouldBe(202);

        // 121 s: the control has settled; conv-settle-1 changed at 60 s, so it settles at 180 s and must wait.
        _time.Advance(TimeSpan.FromSeconds(61));
        await RunningClock.UntilAsync(_time, () => Tracks("conv-settle-control").Count == 1, TimeSpan.FromSeconds(50), "the control outcome is sent once settled");
        Tracks("conv-settle-1").ShouldBeEmpty();
        (_time.GetUtcNow() - Start).ShouldBeLessThan(TimeSpan.FromSeconds(180));

        await RunningClock.UntilAsync(_time, () => Tracks("conv-settle-1").Count == 1, TimeSpan.FromSeconds(120), "the changed outcome is sent once it settled");
        (_time.GetUtcNow() - Start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(180));
        var sent = Tracks("conv-settle-1").Single();
        sent.Event.ShouldBe("Interaction Completed");
        sent.UserId.ShouldBe(SegmentSimulator.JaneDoeUserId);
        sent.MessageId.ShouldBe(SegmentTrack.StableMessageId("interaction", "conv-settle-1"));
        sent.Properties.GetProperty("disposition").GetString().ShouldBe("resolved");
        sent.Properties.GetProperty("durationSeconds").GetDouble().ShouldBe(312);
        sent.Properties.GetProperty("agentId").GetString().ShouldBe("agent-7");
        sent.Properties.GetProperty("profileId").GetString().ShouldBe(profileId);

        _time.Advance(TimeSpan.FromMinutes(10));
        await Task.Yield();
        Tracks("conv-settle-1").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Outcome_WhenSegmentFails_IsSentAgainLater_AndCountsOnce()
    {
        var profileId = await IdentifyAsync("CUST-RETRY-01", "retry.outcome@acme.test");
        Segment.Faults.FailStatus = 503;
        (await PostOutcomeAsync("conv-retry-1", profileId, "resolved")).ShouldBe(202);

        _time.Advance(TimeSpan.FromSeconds(120));
        await RunningClock.UntilAsync(_time, () => Segment.Statuses.Total > 0, TimeSpan.FromSeconds(20), "the first send reaches Segment and fails");
        Segment.Faults.Reset();

        await RunningClock.UntilAsync(_time, () => Tracks("conv-retry-1").Count == 1, TimeSpan.FromSeconds(120), "the outcome is sent again after the backoff");
        Segment.UniqueMessages.Count(m => m.MessageId == SegmentTrack.StableMessageId("interaction", "conv-retry-1")).ShouldBe(1);
    }

    [Fact]
    public async Task Outcome_PendingAtAStop_IsSentByTheNextGatewayOnTheSameStore()
    {
        var profileId = await IdentifyAsync("CUST-RESTART-01", "restart.outcome@acme.test");
        (await PostOutcomeAsync("conv-restart-1", profileId, "sale")).ShouldBe(202);
        await Server.DisposeAsync();
        _server = null;

        _time.Advance(TimeSpan.FromSeconds(120));
        _server = await StartAsync();

        await RunningClock.UntilAsync(_time, () => Tracks("conv-restart-1").Count == 1, TimeSpan.FromSeconds(60), "the next gateway sends the stored outcome");
        Tracks("conv-restart-1").Single().Properties.GetProperty("disposition").GetString().ShouldBe("sale");
    }

    [Theory]
    [InlineData("not-a-profile")]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Outcome_ForAProfileNeverResolved_OrAGuest_Is422(string profileId)
    {
        var (status, body) = await PostAsync("conv-unknown-1", $$"""{"profileId":"{{profileId}}","disposition":"resolved","durationSeconds":5,"agentId":"a1"}""");

        status.ShouldBe(422);
        body.GetProperty("field").GetString().ShouldBe("profileId");
    }

    [Fact]
    public async Task Outcome_WhoseSummaryIsTooLongForSegment_IsSentWithTheSummaryCut()
    {
        var profileId = await IdentifyAsync("CUST-LONG-01", "long.outcome@acme.test");
        var summary = string.Concat(Enumerable.Repeat("通話の要約 ", 2_600)); // 15,600 characters, 41,600 UTF-8 bytes
        var (status, _) = await PostAsync("conv-long-summary", $$"""{"profileId":"{{profileId}}","disposition":"resolved","durationSeconds":5,"agentId":"a1","summary":"{{summary}}"}""");
        status.ShouldBe(202);

        _time.Advance(TimeSpan.FromSeconds(121));
        await RunningClock.UntilAsync(_time, () => Tracks("conv-long-summary").Count == 1, TimeSpan.FromSeconds(60), "the outcome is sent, its summary cut to fit");

        var sent = Tracks("conv-long-summary").Single().Properties;
        var cut = sent.GetProperty("summary").GetString()!;
        summary.ShouldStartWith(cut);
        Encoding.UTF8.GetByteCount(cut).ShouldBeInRange(30_000, 32 * 1024);
        sent.GetProperty("summaryTruncated").GetBoolean().ShouldBeTrue();
        sent.GetProperty("disposition").GetString().ShouldBe("resolved");
    }

    [Fact]
    public async Task Outcome_WhoseSummaryIsEmoji_IsCutToWhatFits_NotEmptied()
    {
        var profileId = await IdentifyAsync("CUST-EMOJI-01", "emoji.outcome@acme.test");
        var summary = "ok " + string.Concat(Enumerable.Repeat("😀", 7_000)) + " end"; // each emoji written escaped: 12 bytes
        var (status, _) = await PostAsync("conv-emoji-summary", $$"""{"profileId":"{{profileId}}","disposition":"resolved","durationSeconds":5,"agentId":"a1","summary":"{{summary}}"}""");
        status.ShouldBe(202);

        _time.Advance(TimeSpan.FromSeconds(121));
        await RunningClock.UntilAsync(_time, () => Tracks("conv-emoji-summary").Count == 1, TimeSpan.FromSeconds(60), "the outcome is sent, its summary cut to fit");

        var sent = Tracks("conv-emoji-summary").Single().Properties;
        var cut = sent.GetProperty("summary").GetString()!;
        summary.ShouldStartWith(cut);
        cut.ShouldStartWith("ok 😀");
        cut.EnumerateRunes().Count().ShouldBeGreaterThan(2_600, "32 KB holds about 2,700 escaped emoji besides the rest of the message");
        sent.GetProperty("summaryTruncated").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("conv-1", """{"disposition":"resolved","durationSeconds":5,"agentId":"a1"}""", "profileId")]
    [InlineData("conv-1", """{"profileId":"p 1","disposition":"resolved","durationSeconds":5,"agentId":"a1"}""", "profileId")]
    [InlineData("conv-1", """{"profileId":"p1","durationSeconds":5,"agentId":"a1"}""", "disposition")]
    [InlineData("conv-1", """{"profileId":"p1","disposition":"  ","durationSeconds":5,"agentId":"a1"}""", "disposition")]
    [InlineData("conv-1", """{"profileId":"p1","disposition":"resolved","durationSeconds":-1,"agentId":"a1"}""", "durationSeconds")]
    [InlineData("conv-1", """{"profileId":"p1","disposition":"resolved","agentId":"a1"}""", "durationSeconds")]
    [InlineData("conv-1", """{"profileId":"p1","disposition":"resolved","durationSeconds":5}""", "agentId")]
    [InlineData("conv-1", """{"profileId":"p1","disposition":"res\u0000olved","durationSeconds":5,"agentId":"a1"}""", "disposition")]
    [InlineData("conv%201", """{"profileId":"p1","disposition":"resolved","durationSeconds":5,"agentId":"a1"}""", "interactionId")]
    public async Task Outcome_WithBadInput_Is400NamingTheField(string interactionId, string json, string field)
    {
        var (status, body) = await PostAsync(interactionId, json);

        status.ShouldBe(400, body.ToString());
        body.GetProperty("field").GetString().ShouldBe(field);
    }

    [Fact]
    public async Task Outcome_MalformedOrOversized_IsRefused()
    {
        var (malformed, _) = await PostAsync("conv-bad-json", """{"profileId": "p1", "disposition": """);
        var (wrongType, _) = await PostAsync("conv-bad-type", """{"profileId":"p1","disposition":"x","durationSeconds":"long","agentId":"a"}""");
        var summary = new string('s', 16_001);
        var (tooLong, body) = await PostAsync("conv-long", $$"""{"profileId":"p1","disposition":"x","durationSeconds":1,"agentId":"a","summary":"{{summary}}"}""");

        malformed.ShouldBe(400);
        wrongType.ShouldBe(400);
        tooLong.ShouldBe(400);
        body.GetProperty("field").GetString().ShouldBe("summary");
    }

    private Task<GatewayServer> StartAsync() =>
        GatewayServer.StartOnDatabaseAsync(
            _directory.File("tributary.db"),
            services => services.AddSingleton<TimeProvider>(_time),
            "--Sandbox:Warmup=false", "--Segment:MaxAttempts=1", "--Cdp:OutcomeRetryBaseSeconds=30");

    private List<SegmentMessage> Tracks(string interactionId) =>
        [.. Segment.Messages.Where(m => m.Type == "track" && m.Properties.ValueKind == JsonValueKind.Object
            && m.Properties.TryGetProperty("interactionId", out var id) && id.GetString() == interactionId)];

    private async Task<string> IdentifyAsync(string userId, string email)
    {
        using var response = await Server.Client.PostAsync(
            "/v1/identity/identify", new StringContent($$$"""{"userId":"{{{userId}}}","traits":{"email":"{{{email}}}"}}""", Encoding.UTF8, "application/json"));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileId").GetString()!;
    }

    private async Task<int> PostOutcomeAsync(string interactionId, string profileId, string disposition) =>
        (await PostAsync(interactionId, $$"""{"profileId":"{{profileId}}","disposition":"{{disposition}}","durationSeconds":312,"agentId":"agent-7","queue":"support"}""")).Status;

    private async Task<(int Status, JsonElement Body)> PostAsync(string interactionId, string json)
    {
        using var response = await Server.Client.PostAsync($"/v1/interactions/{interactionId}/outcome", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
