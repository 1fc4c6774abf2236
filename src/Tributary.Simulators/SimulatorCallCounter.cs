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

    /// <summary>Requests to <paramref name="path"/>, e.g. "/v2/people/find"; 0 if none.</summary>
    public int this[string path] => _counts.TryGetValue(path, out var count) ? Volatile.Read(ref count.Value) : 0;

    /// <summary>Requests to all paths.</summary>
    public int Total => _counts.Values.Sum(static c => Volatile.Read(ref c.Value));

    /// <summary>A copy of the counts, by path.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() =>
        _counts.ToDictionary(static p => p.Key, static p => Volatile.Read(ref p.Value.Value), StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    internal void Record(string path) =>
        Interlocked.Increment(ref _counts.GetOrAdd(path, static _ => new StrongBox<int>()).Value);
}
