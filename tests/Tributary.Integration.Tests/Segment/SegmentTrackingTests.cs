using System.Text.Json;
using Tributary.Host.Segment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Segment;

/// <summary>The tracking client against the simulator over loopback: what lands, what is refused, what is retried.</summary>
public sealed class SegmentTrackingTests(SegmentFixture fixture) : IClassFixture<SegmentFixture>, IDisposable
{
    private const string TrackPath = "/v1/track";
    private const string BatchPath = "/v1/batch";

    private SegmentSimulator Simulator => fixture.Simulator;

    public void Dispose() => fixture.Clear();

    [Fact]
    public async Task Track_LandsWithTheWriteKeyAndTheMessageAsSent()
    {
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-1"));

        result.Status.ShouldBe(SegmentSendStatus.Accepted);
        result.HttpStatus.ShouldBe(200);
        var message = Simulator.Messages.ShouldHaveSingleItem();
        (message.Type, message.Event, message.UserId, message.Path).ShouldBe(("track", "Interaction Completed", "CUST-00042", TrackPath));
        message.MessageId.ShouldBe(SegmentTrack.StableMessageId("interaction", "conv-1"));
        message.Timestamp.ShouldBe("2026-11-23T09:30:00.000Z");
        message.Properties.GetProperty("disposition").GetString().ShouldBe("resolved");
        message.Properties.GetProperty("durationSeconds").GetInt32().ShouldBe(412);
        message.Context.GetProperty("library").GetProperty("name").GetString().ShouldBe("tributary");
    }

    [Fact]
    public async Task Track_SentTwiceForOneInteraction_CountsOnceBySegmentsDeduplication()
    {
        await using var harness = new SegmentHarness(Simulator);

        (await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-2"))).Accepted.ShouldBeTrue();
        (await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-2"))).Accepted.ShouldBeTrue();

        Simulator.Messages.Count.ShouldBe(2);
        Simulator.UniqueMessages.ShouldHaveSingleItem().MessageId.ShouldBe(SegmentTrack.StableMessageId("interaction", "conv-2"));
        SegmentTrack.StableMessageId("interaction", "conv-2").ShouldNotBe(SegmentTrack.StableMessageId("interaction", "conv-3"));
        SegmentTrack.StableMessageId("interaction", "conv-2").ShouldNotContain("conv-2");
    }

    [Fact]
    public async Task Track_WhenTheMessageIsOver32KB_IsRefusedWithoutCallingSegment()
    {
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-big", padding: new string('x', 33_000)));

        result.Status.ShouldBe(SegmentSendStatus.TooLarge);
        result.Retryable.ShouldBeFalse();
        result.Detail.ShouldNotBeNull().ShouldContain("32768");
        Simulator.Calls.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Track_WithoutUserOrAnonymousId_IsRefusedAsInvalid()
    {
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-noid") with { UserId = null });

        result.Status.ShouldBe(SegmentSendStatus.Invalid);
        Simulator.Calls.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Batch_OverTheBatchLimit_IsSplitIntoRequestsUnder468KB()
    {
        await using var harness = new SegmentHarness(Simulator);
        // About 30 KB each: 15 fit in (500 − 32) KB, 16 would not; 40 of them take three requests.
        var messages = Enumerable.Range(0, 40).Select(i => SegmentHarness.Outcome($"bulk-{i}", padding: new string('y', 30_000))).ToList();
        var sizes = messages.Select(m => SegmentWire.Message(m, DateTimeOffset.UnixEpoch).Length).ToList();
        sizes.ShouldAllBe(size => size > 30_000 && size < SegmentWire.MaxMessageBytes);

        var result = await harness.Tracking.BatchAsync(messages);

        result.AllAccepted.ShouldBeTrue();
        result.Requests.ShouldBe(3);
        Simulator.Calls[BatchPath].ShouldBe(3);
        Simulator.UniqueMessages.Select(m => m.MessageId).ShouldBe(messages.Select(m => m.MessageId), ignoreOrder: false);
        SegmentWire.Chunks(messages.Select(m => SegmentWire.Message(m, DateTimeOffset.UnixEpoch)).ToList())
            .Select(c => c.GetOffsetAndLength(40).Length).ShouldBe([15, 15, 10]);
    }

    [Fact]
    public async Task Batch_WithOneOversizedMessage_RefusesItAndSendsTheRest()
    {
        await using var harness = new SegmentHarness(Simulator);
        SegmentTrack[] messages = [SegmentHarness.Outcome("b-1"), SegmentHarness.Outcome("b-2", padding: new string('z', 40_000)), SegmentHarness.Outcome("b-3")];

        var result = await harness.Tracking.BatchAsync(messages);

        result.Messages.Select(m => m.Status).ShouldBe([SegmentSendStatus.Accepted, SegmentSendStatus.TooLarge, SegmentSendStatus.Accepted]);
        result.Requests.ShouldBe(1);
        Simulator.Messages.Select(m => m.MessageId).ShouldBe([messages[0].MessageId, messages[2].MessageId]);
    }

    [Fact]
    public async Task Track_WhenSegmentAnswers400_IsRejectedWithoutRetry()
    {
        Simulator.Faults.FailStatus = 400;
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-400"));

        (result.Status, result.HttpStatus, result.Retryable).ShouldBe((SegmentSendStatus.Rejected, (int?)400, false));
        result.Detail.ShouldNotBeNull().ShouldContain("400");
        Simulator.Calls[TrackPath].ShouldBe(1);
    }

    [Fact]
    public async Task Track_WithAWrongWriteKey_IsRejectedWithoutRetry()
    {
        await using var harness = new SegmentHarness(Simulator, new Dictionary<string, string?> { ["Segment:WriteKey"] = "not-the-key" });

        var result = await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-401"));

        (result.Status, result.HttpStatus).ShouldBe((SegmentSendStatus.Rejected, (int?)401));
        Simulator.Calls[TrackPath].ShouldBe(1);
        Simulator.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Track_WhenA5xxPasses_RetriesWithBackoffAndLandsOnce()
    {
        Simulator.Faults.FailStatus = 503;
        var time = FakeClock.Create();
        await using var harness = new SegmentHarness(Simulator, new Dictionary<string, string?> { ["Segment:RetryBaseDelayMs"] = "1000" }, time);

        var track = harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-503"));
        await Eventually.TrueAsync(() => Simulator.Calls[TrackPath] == 1, "the first attempt");
        Simulator.Faults.FailStatus = null;
        var waited = await FakeClock.DriveAsync(track, time, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

        (await track).Status.ShouldBe(SegmentSendStatus.Accepted);
        Simulator.Calls[TrackPath].ShouldBe(2);
        Simulator.Messages.ShouldHaveSingleItem();
        waited.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task Track_When429WithRetryAfter_WaitsThatLongAndSucceeds()
    {
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 3;
        var time = FakeClock.Create();
        await using var harness = new SegmentHarness(Simulator, time: time);

        var track = harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-429"));
        await Eventually.TrueAsync(() => Simulator.Calls[TrackPath] == 1, "the first attempt");
        Simulator.Faults.TooManyRequests = false;
        var waited = await FakeClock.DriveAsync(track, time, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));

        (await track).Status.ShouldBe(SegmentSendStatus.Accepted);
        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
        Simulator.Calls[TrackPath].ShouldBe(2);
    }

    [Fact]
    public async Task Track_When429AsksForLongerThanMaxRetryAfter_FailsAtOnceWithTheDelay()
    {
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 600;
        await using var harness = new SegmentHarness(Simulator);

        var result = await harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-429-long"));

        (result.Status, result.HttpStatus, result.Retryable).ShouldBe((SegmentSendStatus.Failed, (int?)429, true));
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(600));
        Simulator.Calls[TrackPath].ShouldBe(1);
    }

    [Fact]
    public async Task Batch_WhenSegmentKeepsFailing_ReportsEveryMessageFailedAfterMaxAttempts()
    {
        Simulator.Faults.FailStatus = 500;
        var time = FakeClock.Create();
        await using var harness = new SegmentHarness(Simulator, time: time);

        var batch = harness.Tracking.BatchAsync([SegmentHarness.Outcome("f-1"), SegmentHarness.Outcome("f-2")]);
        await FakeClock.DriveAsync(batch, time, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

        var result = await batch;
        result.Messages.ShouldAllBe(m => m.Status == SegmentSendStatus.Failed && m.HttpStatus == 500);
        Simulator.Calls[BatchPath].ShouldBe(4);
        Simulator.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Track_WhenTheConnectionIsReset_RetriesAndSucceeds()
    {
        Simulator.Faults.ConnectionReset = true;
        var time = FakeClock.Create();
        await using var harness = new SegmentHarness(Simulator, time: time);

        var track = harness.Tracking.TrackAsync(SegmentHarness.Outcome("conv-reset"));
        await Eventually.TrueAsync(() => Simulator.Calls[TrackPath] >= 1, "the first attempt");
        Simulator.Faults.ConnectionReset = false;
        await FakeClock.DriveAsync(track, time, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

        (await track).Status.ShouldBe(SegmentSendStatus.Accepted);
        Simulator.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public void Message_IsWrittenWithSegmentsFieldNames()
    {
        var json = SegmentWire.Message(SegmentHarness.Outcome("wire") with { AnonymousId = "anon-1" }, DateTimeOffset.UnixEpoch);

        using var document = JsonDocument.Parse(json);
        document.RootElement.EnumerateObject().Select(p => p.Name)
            .ShouldBe(["type", "messageId", "userId", "anonymousId", "event", "properties", "context", "timestamp"]);
    }
}
