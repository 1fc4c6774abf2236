namespace Tributary.Credits;

/// <summary>
/// Credits spent today per provider, counted once for every process on the account (Redis when <c>Cache:Redis</c> is
/// set), so a daily budget holds across nodes. Each process still reserves its calls in flight locally: together they
/// may pass a budget by at most the calls in flight at that moment.
/// </summary>
public interface ISharedCredits
{
    bool IsAvailable { get; }

    /// <summary>Adds one billed call's <paramref name="cost"/> to <paramref name="day"/>'s spend; null when unreachable.</summary>
    ValueTask<decimal?> AddAsync(string provider, DateOnly day, decimal cost);

    /// <summary>What every process has spent on <paramref name="provider"/> on <paramref name="day"/>; null when unreachable.</summary>
    ValueTask<decimal?> SpentAsync(string provider, DateOnly day);
}
