using Tributary.Storage;

namespace Tributary.Host.DeadLetters;

/// <summary>Puts one kind of dead letter (<c>pipeline</c>, <c>genesys</c>, <c>cdp-outcome</c>, <c>provider-callback</c>) back to work; registered by the feature that makes them.</summary>
internal interface IDeadLetterReplayer
{
    /// <summary>The <see cref="NewDeadLetter.Kind"/> it replays.</summary>
    string Kind { get; }

    /// <summary>Queues the item again as new work.</summary>
    Task ReplayAsync(NewDeadLetter letter, CancellationToken cancellationToken);
}
