using Tributary.Host.DeadLetters;
using Tributary.Storage;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>Replays a provider callback's dead letter: the delivery is queued again as it was received.</summary>
internal sealed class ProviderCallbackDeadLetters(IStagingQueue queue, ProviderCallbackWakeup wakeup) : IDeadLetterReplayer
{
    /// <summary>The dead letters' kind: deliveries that could not be kept as their lookup's answer.</summary>
    public const string Kind = "provider-callback";

    string IDeadLetterReplayer.Kind => Kind;

    public async Task ReplayAsync(NewDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await queue.StageAsync([new StagedRecord(letter.SourceSystem, letter.RecordId, letter.Payload)], cancellationToken);
        wakeup.Signal();
    }
}
