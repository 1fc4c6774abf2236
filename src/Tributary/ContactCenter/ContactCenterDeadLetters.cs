using Tributary.Host.DeadLetters;
using Tributary.Storage;

namespace Tributary.Host.ContactCenter;

/// <summary>Replays a contact-center dead letter (a caller event or an External Contacts update) by queueing it again as it was.</summary>
internal sealed class ContactCenterDeadLetters(IStagingQueue queue, ContactCenterWakeup wakeup) : IDeadLetterReplayer
{
    public string Kind => CallerEventProcessor.DeadLetterKind;

    public async Task ReplayAsync(NewDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await queue.StageAsync([new StagedRecord(letter.SourceSystem, letter.RecordId, letter.Payload)], cancellationToken);
        wakeup.Signal();
    }
}
