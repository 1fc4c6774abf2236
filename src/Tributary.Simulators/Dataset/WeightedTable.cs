namespace Tributary.Simulators.Dataset;

/// <summary>Cumulative weights built once, so each weighted pick from a long list is a binary search.</summary>
internal sealed class WeightedTable<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly int[] _cumulative;

    public WeightedTable(IReadOnlyList<T> items, Func<T, int> weight)
    {
        _items = items;
        _cumulative = new int[items.Count];
        var total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            total += weight(items[i]);
            _cumulative[i] = total;
        }
    }

    public T Pick(DeterministicRandom random)
    {
        var roll = random.Next(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, roll + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
