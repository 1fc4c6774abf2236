using Tributary.Host.DeadLetters;
using Tributary.Storage;

namespace Tributary.Host.Outcomes;

/// <summary>Replays an outcome dead letter: queued again as it was, due at once (its settle window is long past).</summary>
internal sealed class OutcomeDeadLetters(IStagingQueue queue) : IDeadLetterReplayer
{
    public string Kind => PendingOutcome.DeadLetterKind;

    public Task ReplayAsync(NewDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return queue.StageAsync([new StagedRecord(letter.SourceSystem, letter.RecordId, letter.Payload)], cancellationToken);
    }
}
