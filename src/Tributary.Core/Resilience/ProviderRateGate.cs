using System.Threading.RateLimiting;
using Tributary.Enrichment;
using Tributary.Providers;

namespace Tributary.Resilience;

/// <summary>
/// The request budget of one provider account, shared by every caller in the process: a token bucket seeded
/// from configuration, drained to what the provider says is left, and paused for everyone when the provider
/// answers 429 with a Retry-After or reports an exhausted window.
/// </summary>
public sealed class ProviderRateGate : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly TimeProvider _time;
    private long _pausedUntilTicks;

    public ProviderRateGate(string provider, RateLimitOptions options, TimeProvider time)
    {
        Provider = provider;
        _time = time;
        PerMinute = options.PerMinute;

        // Refill in small steps rather than once a minute, so a minute's budget is spread evenly; never
        // faster than every 50 ms, which keeps the refill timer cheap for very high limits.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromMinutes(1).Ticks / options.PerMinute));
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(options.PerMinute * period.TotalMinutes));
        Capacity = Math.Max(tokensPerPeriod, options.Burst ?? Math.Max(1, options.PerMinute / 10));
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Capacity,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public string Provider { get; }

    public int PerMinute { get; }

    /// <summary>Bucket size.</summary>
    public int Capacity { get; }

    /// <summary>Tokens available right now.</summary>
    public long Available => _bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>Until when the provider is paused for everyone, if it is.</summary>
    public DateTimeOffset? PausedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _pausedUntilTicks);
            return ticks > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>
    /// Takes one token. Real-time calls wait at most until their deadline and throw
    /// <see cref="ProviderRateLimitedException"/> past it; batch calls wait as long as it takes.
    /// </summary>
    public async ValueTask AcquireAsync(CallBudget budget, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (PausedUntil is { } pausedUntil)
        {
            if (budget.IsRealTime && pausedUntil >= budget.Deadline)
            {
                throw new ProviderRateLimitedException(Provider);
            }

            await Task.Delay(pausedUntil - now, _time, cancellationToken);
        }

        using var lease = _bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget.IsRealTime)
        {
            var remaining = budget.Remaining(_time.GetUtcNow());
            if (remaining <= TimeSpan.Zero)
            {
                throw new ProviderRateLimitedException(Provider);
            }

            deadline.CancelAfter(remaining);
        }

        try
        {
            using var waited = await _bucket.AcquireAsync(1, deadline.Token);
            if (!waited.IsAcquired)
            {
                throw new ProviderRateLimitedException(Provider);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderRateLimitedException(Provider);
        }
    }

    /// <summary>Corrects the bucket from what the provider reported.</summary>
    public void Observe(RateLimitSignal signal)
    {
        var now = _time.GetUtcNow();
        if (signal.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero)
        {
            PauseUntil(now + retryAfter);
        }

        if (signal.Remaining is not { } remaining)
        {
            return;
        }

        if (remaining <= 0)
        {
            // The window is spent: stop until the provider says it resets (or a minute if it does not say).
            PauseUntil(signal.ResetAt is { } reset && reset > now ? reset : now + TimeSpan.FromMinutes(1));
            return;
        }

        // The provider knows better than our estimate: take away the tokens it says we do not have.
        var excess = Available - remaining;
        if (excess > 0)
        {
            _bucket.AttemptAcquire((int)Math.Min(excess, Capacity)).Dispose();
        }
    }

    /// <summary>Stops every caller until <paramref name="until"/>; a later pause extends an earlier one.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (current >= ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, ticks, current) != current);
    }

    public void Dispose() => _bucket.Dispose();
}
