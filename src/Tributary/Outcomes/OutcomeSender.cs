using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tributary.Host.Identity;
using Tributary.Host.Segment;
using Tributary.Storage;

namespace Tributary.Host.Outcomes;

/// <summary>
/// Sends the settled outcomes of one claim to Segment: one <c>Interaction Completed</c> track each (<c>/v1/batch</c>
/// when several are due), with a <c>messageId</c> fixed per interaction, so a resend after a failure or a restart is
/// deduplicated by Segment and counts once. An outcome still inside its settle window goes back until it settles; a
/// staged row is deleted only after Segment accepted it.
/// </summary>
internal sealed class OutcomeSender(
    SegmentTrackingClient segment,
    IStagingQueue queue,
    IIdentityGraph graph,
    IDeadLetterStore deadLetters,
    IOptions<OutcomeOptions> options,
    TimeProvider time,
    ILogger<OutcomeSender> logger)
{
    /// <summary>The event name of every outcome.</summary>
    public const string EventName = "Interaction Completed";

    private static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(1);

    private readonly OutcomeOptions _options = options.Value;

    public async Task SendAsync(StagingClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = time.GetUtcNow();
        var settle = TimeSpan.FromSeconds(_options.OutcomeSettleSeconds);
        var due = new List<(ClaimedRecord Record, SegmentTrack Message)>();
        foreach (var record in claim.Records)
        {
            if (PendingOutcome.Read(record.Payload) is not { } outcome)
            {
                await DeadLetterAsync(claim.Token, record, "unreadable_outcome", cancellationToken);
            }
            else if (outcome.ReceivedAt + settle > now)
            {
                // A newer outcome arrived since the row was staged: its own window starts when it arrived.
                await queue.DeferAsync(claim.Token, [record], outcome.ReceivedAt + settle, countAttempt: false, cancellationToken);
            }
            else if (await UserIdAsync(outcome.ProfileId, cancellationToken) is not { } userId)
            {
                // The profile was erased since: its outcome goes nowhere.
                OutcomeLog.ProfileGone(logger, outcome.ProfileId);
                await queue.DeleteAsync(claim.Token, [record], cancellationToken);
            }
            else
            {
                due.Add((record, Fitted(outcome, userId, now)));
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        var results = due.Count == 1
            ? [await segment.TrackAsync(due[0].Message, cancellationToken)]
            : (await segment.BatchAsync([.. due.Select(static d => d.Message)], cancellationToken)).Messages;
        for (var i = 0; i < due.Count; i++)
        {
            await SettleAsync(claim.Token, due[i].Record, results[i], now, cancellationToken);
        }
    }

    private async Task SettleAsync(Guid claim, ClaimedRecord record, SegmentSendResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (result.Accepted)
        {
            OutcomeLog.Sent(logger, result.MessageId);
            await queue.DeleteAsync(claim, [record], cancellationToken);
        }
        else if (result.Retryable && record.Attempts < _options.OutcomeMaxAttempts)
        {
            var backoff = TimeSpan.FromSeconds(_options.OutcomeRetryBaseSeconds * Math.Pow(2, record.Attempts - 1));
            var wait = TimeSpan.FromTicks(Math.Min(LongestBackoff.Ticks, Math.Max(backoff.Ticks, (result.RetryAfter ?? TimeSpan.Zero).Ticks)));
            OutcomeLog.Retrying(logger, result.MessageId, record.Attempts, wait.TotalSeconds);
            await queue.DeferAsync(claim, [record], now + wait, countAttempt: true, cancellationToken);
        }
        else
        {
            await DeadLetterAsync(claim, record, result.Detail ?? result.Status.ToString(), cancellationToken);
        }
    }

    /// <summary>
    /// The outcome's track, within Segment's 32 KB: a summary too long for it (its 16,000 characters may be three UTF-8
    /// bytes each, or twelve once an emoji is escaped) is cut to its longest start, in whole characters, that lets the
    /// message fit, and marked <c>summaryTruncated</c>, so the outcome is sent, not refused.
    /// </summary>
    private static SegmentTrack Fitted(PendingOutcome outcome, string userId, DateTimeOffset now)
    {
        var message = Message(outcome, userId);
        if (Fits(message, now) || outcome.Summary is not { Length: > 0 } summary)
        {
            return message;
        }

        // The message's size is not proportional to the summary's length (escapes), so search the cut by measuring.
        var cuts = CharacterEnds(summary);
        var (fits, fitsNot) = (0, cuts.Count - 1);
        while (fitsNot - fits > 1)
        {
            var middle = (fits + fitsNot) / 2;
            (fits, fitsNot) = Fits(Cut(outcome, userId, summary[..cuts[middle]]), now) ? (middle, fitsNot) : (fits, middle);
        }

        return Cut(outcome, userId, summary[..cuts[fits]]);
    }

    private static bool Fits(SegmentTrack message, DateTimeOffset now) => SegmentWire.Message(message, now).Length <= SegmentWire.MaxMessageBytes;

    private static SegmentTrack Cut(PendingOutcome outcome, string userId, string summary)
    {
        var message = Message(outcome with { Summary = summary }, userId);
        message.Properties!["summaryTruncated"] = true;
        return message;
    }

    /// <summary>Where each whole character of <paramref name="text"/> ends (a surrogate pair is one), after an empty start.</summary>
    private static List<int> CharacterEnds(string text)
    {
        var ends = new List<int>(text.Length + 1) { 0 };
        foreach (var rune in text.EnumerateRunes())
        {
            ends.Add(ends[^1] + rune.Utf16SequenceLength);
        }

        return ends;
    }

    private static SegmentTrack Message(PendingOutcome outcome, string userId)
    {
        var properties = new JsonObject
        {
            ["interactionId"] = outcome.InteractionId,
            ["profileId"] = outcome.ProfileId,
            ["disposition"] = outcome.Disposition,
            ["durationSeconds"] = outcome.DurationSeconds,
            ["agentId"] = outcome.AgentId,
        };
        if (outcome.Queue is not null)
        {
            properties["queue"] = outcome.Queue;
        }

        if (outcome.Summary is not null)
        {
            properties["summary"] = outcome.Summary;
        }

        return new SegmentTrack(EventName, SegmentTrack.StableMessageId("interaction", outcome.InteractionId), userId, null, outcome.ReceivedAt, properties);
    }

    /// <summary>The profile's CDP user id, else its id; null when the profile is gone.</summary>
    private async Task<string?> UserIdAsync(string profileId, CancellationToken cancellationToken)
    {
        if (await graph.GetProfileAsync(profileId, cancellationToken) is not { } profile)
        {
            return null;
        }

        var links = await graph.ListLinksAsync(profile.Id, cancellationToken);
        return links.Where(static l => l.Key.Type == IdentifierTypes.UserId && l.Value is not null).OrderByDescending(static l => l.LinkedAt).FirstOrDefault()?.Value
            ?? profile.Id;
    }

    private async Task DeadLetterAsync(Guid claim, ClaimedRecord record, string reason, CancellationToken cancellationToken)
    {
        OutcomeLog.DeadLettered(logger, reason);
        await deadLetters.AddAsync(
            new NewDeadLetter(PendingOutcome.DeadLetterKind, record.SourceSystem, record.RecordId, record.Payload, reason, record.Attempts, time.GetUtcNow()),
            cancellationToken);
        await queue.DeleteAsync(claim, [record], cancellationToken);
    }
}
