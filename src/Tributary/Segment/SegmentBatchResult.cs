namespace Tributary.Host.Segment;

/// <summary>The outcome of a batch: one result per message, in the order given, and the requests it took.</summary>
internal sealed record SegmentBatchResult(IReadOnlyList<SegmentSendResult> Messages, int Requests)
{
    public bool AllAccepted => Messages.All(static m => m.Accepted);
}
