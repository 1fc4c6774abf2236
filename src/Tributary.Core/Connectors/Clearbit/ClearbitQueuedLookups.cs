using System.Collections.Concurrent;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// Lookups Clearbit answered 202 (queued), held back until their record has had time to arrive by webhook: Clearbit
/// asks for a retry after a few minutes, and every call it answers counts as billed here, so a caller ringing again
/// meanwhile would otherwise pay again for the same queued lookup. Bounded: past its size, expired holds are swept, and
/// if none has expired, every hold is dropped (the worst that does is one early retry each).
/// </summary>
internal sealed class ClearbitQueuedLookups(TimeProvider time)
{
    private const int MaxHeld = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);

    /// <summary>True while the lookup under <paramref name="key"/> is queued at Clearbit and not worth asking again.</summary>
    public bool IsHeld(string key)
    {
        if (!_heldUntil.TryGetValue(key, out var until))
        {
            return false;
        }

        if (time.GetUtcNow() < until)
        {
            return true;
        }

        _heldUntil.TryRemove(key, out _);
        return false;
    }

    public void Hold(string key, TimeSpan hold)
    {
        if (hold <= TimeSpan.Zero)
        {
            return;
        }

        if (_heldUntil.Count >= MaxHeld)
        {
            Sweep();
        }

        _heldUntil[key] = time.GetUtcNow() + hold;
    }

    public void Release(string key) => _heldUntil.TryRemove(key, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, until) in _heldUntil)
        {
            if (until <= now)
            {
                _heldUntil.TryRemove(key, out _);
            }
        }

        if (_heldUntil.Count >= MaxHeld)
        {
            _heldUntil.Clear();
        }
    }
}
