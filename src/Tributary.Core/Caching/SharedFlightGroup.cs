namespace Tributary.Caching;

/// <summary>
/// The shared flights of one bulk call's keys (<see cref="LookupCache.JoinSharedAsync"/>): the answers other processes
/// produced for some keys, and the right to call for the rest, released when this group is disposed (once their
/// answers are stored).
/// </summary>
public sealed class SharedFlightGroup(IReadOnlyDictionary<string, CacheEntry> theirs, IReadOnlyList<SharedFlight> mine) : IAsyncDisposable
{
    /// <summary>A group for a process alone: nothing answered elsewhere, nothing to release.</summary>
    public static SharedFlightGroup Alone { get; } = new(new Dictionary<string, CacheEntry>(), []);

    /// <summary>The answer another process produced for <paramref name="key"/> while this one waited.</summary>
    public bool TryGetTheirs(string key, out CacheEntry answer) => theirs.TryGetValue(key, out answer!);

    public async ValueTask DisposeAsync()
    {
        foreach (var flight in mine)
        {
            await flight.DisposeAsync();
        }
    }
}
