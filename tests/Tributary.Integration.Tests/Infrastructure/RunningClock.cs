using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// Lets a fake clock run while a test waits for a worker that polls on it. A single big step can be missed by a worker
/// that was busy at that moment and only then starts its next timed wait; a clock that keeps moving cannot.
/// </summary>
internal static class RunningClock
{
    /// <summary>
    /// Waits for <paramref name="condition"/> while <paramref name="time"/> runs at about five times real time (a second
    /// every 200 ms), for at most <paramref name="upTo"/> of fake time: fast enough for one-second polls, slow enough that
    /// no HTTP timeout on the same clock fires while a call is on the wire.
    /// </summary>
    public static Task UntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan upTo, string what) =>
        UntilAsync(time, () => Task.FromResult(condition()), upTo, what);

    /// <summary>As above, for a condition that has to be read from somewhere (the store, an endpoint).</summary>
    public static Task UntilAsync(FakeTimeProvider time, Func<Task<bool>> condition, TimeSpan upTo, string what)
    {
        var moved = TimeSpan.Zero;
        var lastMove = Stopwatch.StartNew();
        return Eventually.TrueAsync(
            () =>
            {
                if (moved < upTo && lastMove.ElapsedMilliseconds >= 200)
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                    moved += TimeSpan.FromSeconds(1);
                    lastMove.Restart();
                }

                return condition();
            },
            what,
            TimeSpan.FromSeconds(40));
    }
}
