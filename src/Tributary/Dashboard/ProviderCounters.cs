namespace Tributary.Host.Dashboard;

/// <summary>One provider's lookups by status and its most recent latencies (a ring of <see cref="DashboardStats.LatencyWindow"/>).</summary>
internal sealed class ProviderCounters
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _statuses = new(StringComparer.Ordinal);
    private readonly double[] _latencies = new double[DashboardStats.LatencyWindow];
    private long _recorded;

    public void Count(string status, long value)
    {
        lock (_gate)
        {
            _statuses[status] = _statuses.GetValueOrDefault(status) + value;
        }
    }

    public void Latency(double milliseconds)
    {
        lock (_gate)
        {
            _latencies[_recorded++ % _latencies.Length] = milliseconds;
        }
    }

    public ProviderStatsView View(string name)
    {
        double[] window;
        Dictionary<string, long> statuses;
        lock (_gate)
        {
            window = _latencies[..(int)Math.Min(_recorded, _latencies.Length)];
            statuses = new Dictionary<string, long>(_statuses, StringComparer.Ordinal);
        }

        Array.Sort(window);
        var lookups = statuses.Values.Sum();
        var matched = statuses.GetValueOrDefault("matched") + statuses.GetValueOrDefault("cached");
        return new ProviderStatsView(
            name, lookups, lookups == 0 ? 0 : (double)matched / lookups, At(window, 0.50), At(window, 0.95), At(window, 0.99), new SortedDictionary<string, long>(statuses, StringComparer.Ordinal));
    }

    private static double? At(double[] sorted, double quantile) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)], 1);
}
