using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Tributary.Simulators;

/// <summary>
/// Requests that reached a simulator, per path (query string excluded), counted on arrival so
/// retries and failed attempts show. Control paths (<c>/__sim/…</c>) are not counted.
/// </summary>
public sealed class SimulatorCallCounter
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> _counts = new(StringComparer.Ordinal);
    private long _firstTicks;
    private long _lastTicks;

    /// <summary>Requests to <paramref name="path"/>, e.g. "/v2/people/find"; 0 if none.</summary>
    public int this[string path] => _counts.TryGetValue(path, out var count) ? Volatile.Read(ref count.Value) : 0;

    /// <summary>Requests to all paths.</summary>
    public int Total => _counts.Values.Sum(static c => Volatile.Read(ref c.Value));

    /// <summary>A copy of the counts, by path.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() =>
        _counts.ToDictionary(static p => p.Key, static p => Volatile.Read(ref p.Value.Value), StringComparer.Ordinal);

    /// <summary>When the first request since the last reset arrived (wall clock), or null.</summary>
    public DateTimeOffset? FirstAt => Interlocked.Read(ref _firstTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>When the latest request arrived (wall clock), or null: with <see cref="FirstAt"/>, the span a client spent calling.</summary>
    public DateTimeOffset? LastAt => Interlocked.Read(ref _lastTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _firstTicks, 0);
        Interlocked.Exchange(ref _lastTicks, 0);
    }

    internal void Record(string path)
    {
        Interlocked.Increment(ref _counts.GetOrAdd(path, static _ => new StrongBox<int>()).Value);
        var now = DateTime.UtcNow.Ticks;
        Interlocked.CompareExchange(ref _firstTicks, now, 0);
        Interlocked.Exchange(ref _lastTicks, now);
    }
}
