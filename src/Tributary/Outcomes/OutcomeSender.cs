using System.Text;
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
    /// bytes each) is cut at a character boundary and marked <c>summaryTruncated</c>, so the outcome is sent, not refused.
    /// </summary>
    private static SegmentTrack Fitted(PendingOutcome outcome, string userId, DateTimeOffset now)
    {
        var message = Message(outcome, userId);
        var excess = SegmentWire.Message(message, now).Length - SegmentWire.MaxMessageBytes;
        while (excess > 0 && outcome.Summary is { Length: > 0 } summary)
        {
            // Escapes make the JSON larger than the UTF-8 text, so cut a little more and measure again.
            outcome = outcome with { Summary = Utf8Prefix(summary, Encoding.UTF8.GetByteCount(summary) - excess - 64) };
            message = Message(outcome, userId);
            message.Properties!["summaryTruncated"] = true;
            excess = SegmentWire.Message(message, now).Length - SegmentWire.MaxMessageBytes;
        }

        return message;
    }

    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="maxBytes"/> UTF-8 bytes, whole characters only.</summary>
    private static string Utf8Prefix(string text, int maxBytes)
    {
        var bytes = 0;
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > maxBytes)
            {
                break;
            }

            length += rune.Utf16SequenceLength;
        }

        return text[..length];
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
