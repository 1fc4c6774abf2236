namespace Tributary.Host.Segment;

/// <summary>The outcome of one message.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="Status">What became of it.</param>
/// <param name="HttpStatus">Segment's answer, when there was one.</param>
/// <param name="Detail">Why it was not accepted (no message content).</param>
/// <param name="RetryAfter">For <see cref="SegmentSendStatus.Failed"/>: how long Segment asked to wait, when it said.</param>
internal sealed record SegmentSendResult(
    string MessageId,
    SegmentSendStatus Status,
    int? HttpStatus = null,
    string? Detail = null,
    TimeSpan? RetryAfter = null)
{
    public bool Accepted => Status == SegmentSendStatus.Accepted;

    /// <summary>Whether sending it again later could succeed.</summary>
    public bool Retryable => Status == SegmentSendStatus.Failed;
}
