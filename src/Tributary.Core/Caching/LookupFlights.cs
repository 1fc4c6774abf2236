using System.Collections.Concurrent;

namespace Tributary.Caching;

/// <summary>
/// The lookups in flight by key, shared by real-time and batch callers so a new subject is one provider call
/// however many callers ask for it at once. A flight leaves the table when it lands; its answer is in the cache and
/// the ledger by then, so a caller arriving later finds it there.
/// </summary>
internal sealed class LookupFlights
{
    private readonly ConcurrentDictionary<string, LookupFlight> _flights = new(StringComparer.Ordinal);

    public int Count => _flights.Count;

    /// <summary>The flight for <paramref name="key"/>: a new one the caller must land (<paramref name="claimed"/>), or the one already up.</summary>
    public LookupFlight Claim(string key, bool batch, out bool claimed)
    {
        if (_flights.TryGetValue(key, out var existing))
        {
            claimed = false;
            return existing;
        }

        var mine = new LookupFlight(key, batch);
        var flight = _flights.GetOrAdd(key, mine);
        claimed = ReferenceEquals(flight, mine);
        return flight;
    }

    /// <summary>Answers everyone waiting on <paramref name="flight"/> and takes it off the table.</summary>
    public void Land(LookupFlight flight, CacheEntry entry)
    {
        _flights.TryRemove(KeyValuePair.Create(flight.Key, flight));
        flight.TryLand(entry);
    }
}
