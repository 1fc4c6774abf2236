namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// A fixed window that opens at the first request after the previous one closed, so resets are
/// not aligned to the clock minute (as PDL documents). Time comes from the injected
/// <see cref="TimeProvider"/> so tests move windows with a fake clock.
/// </summary>
internal sealed class FixedWindowCounter(TimeProvider timeProvider, TimeSpan length)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _resetsAt = DateTimeOffset.MinValue;
    private int _used;
    private int _generation;

    /// <summary>
    /// Counts one request. When <paramref name="enforce"/> is false the request is always allowed
    /// and only the advertised numbers move. A new <paramref name="generation"/> (the faults
    /// changed) opens a fresh window, so a limit set by a test applies from its first request.
    /// </summary>
    public RateWindow Acquire(int limit, bool enforce, int generation = 0)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (now >= _resetsAt || generation != _generation)
            {
                _resetsAt = now + length;
                _used = 0;
                _generation = generation;
            }

            var allowed = !enforce || _used < limit;
            if (allowed)
            {
                _used++;
            }

            return new RateWindow(limit, _used, _resetsAt, now, allowed);
        }
    }
}
