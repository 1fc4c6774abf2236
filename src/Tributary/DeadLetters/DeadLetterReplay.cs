using Tributary.Storage;

namespace Tributary.Host.DeadLetters;

/// <summary>Replays dead letters through the replayer of their kind; a replayed letter leaves the table.</summary>
internal sealed class DeadLetterReplay(IDeadLetterStore store, IEnumerable<IDeadLetterReplayer> replayers)
{
    private readonly Dictionary<string, IDeadLetterReplayer> _byKind = replayers.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    /// <summary>Replays one; false when there is no such dead letter.</summary>
    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } letter)
        {
            return false;
        }

        if (!_byKind.TryGetValue(letter.Letter.Kind, out var replayer))
        {
            throw new InvalidOperationException($"Dead letters of kind '{letter.Letter.Kind}' cannot be replayed by this build.");
        }

        await replayer.ReplayAsync(letter.Letter, cancellationToken);
        await store.RemoveAsync(id, cancellationToken);
        return true;
    }

    /// <summary>Replays every dead letter there is now; returns how many.</summary>
    public async Task<int> ReplayAllAsync(CancellationToken cancellationToken)
    {
        var replayed = 0;
        while ((await store.ListAsync(500, cancellationToken)) is { Count: > 0 } batch)
        {
            foreach (var letter in batch)
            {
                replayed += await ReplayAsync(letter.Id, cancellationToken) ? 1 : 0;
            }
        }

        return replayed;
    }
}
