using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.HubSpot;

/// <summary>
/// HubSpot's ten-secondly limit: at most <c>limit</c> requests in any rolling 10 s, kept as a log of request instants
/// on the injected clock. A new fault generation starts an empty log, so a limit set by a test applies from its first
/// request. Also counts the day's calls for the daily headers.
/// </summary>
internal sealed class HubSpotRollingWindow(TimeProvider time)
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _sent = new();
    private int _generation;
    private long _today;

    /// <summary>Calls counted today (never reset: the simulator does not outlive a day in practice).</summary>
    public long CallsToday => Interlocked.Read(ref _today);

    /// <summary>Counts one request; when <paramref name="enforce"/> is false it always goes and only the numbers move.</summary>
    public RateWindow Acquire(int limit, bool enforce, int generation)
    {
        var now = time.GetUtcNow();
        Interlocked.Increment(ref _today);
        lock (_lock)
        {
            if (generation != _generation)
            {
                _sent.Clear();
                _generation = generation;
            }

            while (_sent.Count > 0 && _sent.Peek() <= now - Length)
            {
                _sent.Dequeue();
            }

            var allowed = !enforce || _sent.Count < limit;
            if (allowed)
            {
                _sent.Enqueue(now);
            }

            // The window frees its next slot when its oldest request is 10 s old.
            var resetsAt = _sent.Count > 0 ? _sent.Peek() + Length : now + Length;
            return new RateWindow(limit, _sent.Count, resetsAt, now, allowed);
        }
    }
}
