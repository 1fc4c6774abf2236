using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Tributary.Resilience;

namespace Tributary.Host.Segment;

/// <summary>
/// Segment's Tracking API (<c>/v1/track</c>, <c>/v1/batch</c>) through the <c>segment-tracking</c> HTTP pipeline
/// (<see cref="SegmentRegistration"/>: 5xx, 429 and network errors retried with backoff, honouring Retry-After).
/// Expected outcomes are results, never exceptions: a message over 32 KB or without ids is refused before sending, a
/// 400 is reported as rejected without a retry, and what still fails after the retries is reported as failed.
/// </summary>
internal sealed class SegmentTrackingClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SegmentOptions> options,
    TimeProvider time,
    ILogger<SegmentTrackingClient> logger)
{
    private readonly SegmentOptions _options = options.Value;
    private readonly string _authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes((options.Value.WriteKey ?? "") + ":"));

    /// <summary>Sends one message with <c>POST {BaseUrl}/v1/track</c>.</summary>
    public async Task<SegmentSendResult> TrackAsync(SegmentTrack message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (body, refusal) = Prepare(message, time.GetUtcNow());
        if (refusal is not null)
        {
            SegmentLog.Refused(logger, refusal.Status, 1);
            return refusal;
        }

        var outcome = await PostAsync("v1/track", body!, 1, cancellationToken);
        return outcome.For(message.MessageId);
    }

    /// <summary>
    /// Sends messages with <c>POST {BaseUrl}/v1/batch</c>, split into as many requests as it takes to keep each body
    /// under (500 − 32) KB and 2,500 events. Messages refused before sending do not stop the others.
    /// </summary>
    public async Task<SegmentBatchResult> BatchAsync(IReadOnlyList<SegmentTrack> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var results = new SegmentSendResult[messages.Count];
        var indexes = new List<int>(messages.Count);
        var bodies = new List<byte[]>(messages.Count);
        var now = time.GetUtcNow();
        for (var i = 0; i < messages.Count; i++)
        {
            var (body, refusal) = Prepare(messages[i], now);
            if (refusal is not null)
            {
                results[i] = refusal;
                continue;
            }

            indexes.Add(i);
            bodies.Add(body!);
        }

        foreach (var refused in results.Where(static r => r is not null).GroupBy(static r => r.Status))
        {
            SegmentLog.Refused(logger, refused.Key, refused.Count());
        }

        var chunks = SegmentWire.Chunks(bodies);
        foreach (var chunk in chunks)
        {
            var (offset, length) = chunk.GetOffsetAndLength(bodies.Count);
            var outcome = await PostAsync("v1/batch", SegmentWire.Batch(bodies.Skip(offset).Take(length)), length, cancellationToken);
            for (var j = offset; j < offset + length; j++)
            {
                results[indexes[j]] = outcome.For(messages[indexes[j]].MessageId);
            }
        }

        return new SegmentBatchResult(results, chunks.Count);
    }

    private static (byte[]? Body, SegmentSendResult? Refusal) Prepare(SegmentTrack message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.MessageId ?? "";
        string? problem = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > SegmentTrack.MaxMessageIdLength)
        {
            problem = $"messageId must be 1 to {SegmentTrack.MaxMessageIdLength} characters.";
        }
        else if (string.IsNullOrWhiteSpace(message.Event))
        {
            problem = "A track message needs an event name.";
        }
        else if (string.IsNullOrWhiteSpace(message.UserId) && string.IsNullOrWhiteSpace(message.AnonymousId))
        {
            problem = "A message needs a userId or an anonymousId; Segment would drop it silently.";
        }

        if (problem is not null)
        {
            return (null, new SegmentSendResult(id, SegmentSendStatus.Invalid, Detail: problem));
        }

        var body = SegmentWire.Message(message, now);
        return body.Length > SegmentWire.MaxMessageBytes
            ? (null, new SegmentSendResult(id, SegmentSendStatus.TooLarge,
                Detail: $"The message is {body.Length} bytes serialized; Segment takes at most {SegmentWire.MaxMessageBytes}."))
            : (body, null);
    }

    private async Task<Outcome> PostAsync(string path, byte[] body, int count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.BaseUrl.TrimEnd('/') + "/"), path))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _authorization);
        try
        {
            using var response = await httpClientFactory.CreateClient(SegmentRegistration.TrackingClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                SegmentLog.Sent(logger, count, body.Length);
                return new Outcome(SegmentSendStatus.Accepted, status, null, null);
            }

            if (SegmentRegistration.IsTransient(response.StatusCode))
            {
                var retryAfter = RetryAfter.From(response, time.GetUtcNow());
                SegmentLog.Failed(logger, count, status);
                return new Outcome(SegmentSendStatus.Failed, status, $"Segment answered HTTP {status} after the retries.", retryAfter);
            }

            SegmentLog.Rejected(logger, count, status);
            return new Outcome(SegmentSendStatus.Rejected, status, response.StatusCode switch
            {
                HttpStatusCode.BadRequest => "Segment refused the request (HTTP 400: oversized or invalid JSON); it is not retried.",
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"Segment refused the write key (HTTP {status}).",
                _ => $"Segment refused the request (HTTP {status}); it is not retried.",
            }, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            SegmentLog.Failed(logger, count, 0);
            return new Outcome(SegmentSendStatus.Failed, null, $"Segment could not be reached after the retries ({exception.GetType().Name}).", null);
        }
    }

    private readonly record struct Outcome(SegmentSendStatus Status, int? HttpStatus, string? Detail, TimeSpan? RetryAfter)
    {
        public SegmentSendResult For(string messageId) => new(messageId, Status, HttpStatus, Detail, RetryAfter);
    }
}
