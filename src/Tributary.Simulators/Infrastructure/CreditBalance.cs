namespace Tributary.Simulators.Infrastructure;

/// <summary>A provider's remaining credits, spent only by answers that deliver data (as Hunter and PDL bill).</summary>
internal sealed class CreditBalance(long initial)
{
    private long _remaining = initial;

    public long Remaining
    {
        get => Interlocked.Read(ref _remaining);
        set => Interlocked.Exchange(ref _remaining, Math.Max(0, value));
    }

    public bool IsExhausted => Remaining <= 0;

    /// <summary>Spends up to <paramref name="credits"/>, never below zero; returns what was spent.</summary>
    public long Spend(long credits)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _remaining);
            var spent = Math.Min(current, credits);
            if (Interlocked.CompareExchange(ref _remaining, current - spent, current) == current)
            {
                return spent;
            }
        }
    }
}
