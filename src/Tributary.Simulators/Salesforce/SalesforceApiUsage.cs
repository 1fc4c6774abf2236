namespace Tributary.Simulators.Salesforce;

/// <summary>
/// The org's API requests today (UTC) against its daily allowance, what <c>Sforce-Limit-Info: api-usage=used/max</c>
/// reports. A call past the allowance answers 403 <c>REQUEST_LIMIT_EXCEEDED</c>; the count starts over at midnight.
/// </summary>
internal sealed class SalesforceApiUsage(TimeProvider time, int max)
{
    private readonly Lock _lock = new();
    private DateOnly _day;
    private int _used;

    public int Max => max;

    /// <summary>Counts one request; returns the count including it.</summary>
    public int Count()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        lock (_lock)
        {
            if (today != _day)
            {
                _day = today;
                _used = 0;
            }

            return ++_used;
        }
    }
}
