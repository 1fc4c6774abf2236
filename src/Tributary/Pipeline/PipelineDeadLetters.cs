using Tributary.Host.DeadLetters;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>Replays a pipeline dead letter by staging its record again, payload as it was.</summary>
internal sealed class PipelineDeadLetters(IStagingQueue staging, PipelineWakeup wakeup) : IDeadLetterReplayer
{
    public string Kind => PipelineSettlement.DeadLetterKind;

    public async Task ReplayAsync(NewDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await staging.StageAsync([new StagedRecord(letter.SourceSystem, letter.RecordId, DeadLetterPayload.Read(letter.Payload).Payload)], cancellationToken);
        wakeup.Signal();
    }
}
