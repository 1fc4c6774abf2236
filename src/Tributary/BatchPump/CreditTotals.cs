using Tributary.Credits;
using Tributary.Providers;

namespace Tributary.Host.BatchPump;

/// <summary>
/// Credits spent so far by every provider, as the credit meter counts billed calls. A run's spend is the difference
/// between its end and its start: exact for <c>tributary enrich</c> (one run per process), an upper bound for a job
/// when real-time traffic shares the process.
/// </summary>
internal sealed class CreditTotals(CreditMeter meter, ProviderCatalog catalog)
{
    public async Task<decimal> TotalAsync(CancellationToken cancellationToken)
    {
        decimal total = 0;
        foreach (var entry in catalog.All)
        {
            total += (await meter.SpendAsync(entry.Name, cancellationToken)).CostTotal;
        }

        return total;
    }
}
