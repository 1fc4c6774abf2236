using Tributary.Deadlines;
using Tributary.Providers;

namespace Tributary.Resilience;

/// <summary>
/// The request budget of one provider account, shared by every caller in the process. A request goes when no window
/// of 60 s (and of 1 s, for providers with a per-second limit) would hold more than the limit, when the provider has
/// not said its window is spent, and when no pause is under way: a Retry-After, or an exponential backoff while the
/// provider keeps throttling. Callers wait in arrival order; real-time ones never past their deadline, batch ones as
/// long as it takes (or until cancelled). With a <see cref="ISharedRateBudget"/> (several processes on one account) the
/// shared minute decides instead of this process's log, and a pause is shared with every process; while the shared
/// budget cannot be reached, this process keeps to its 1/N of the limits.
/// </summary>
/// <remarks>
/// A sliding log of send instants rather than <c>System.Threading.RateLimiting</c>'s token bucket: a bucket that
/// starts full and refills continuously lets bucket + rate requests into one minute, so it cannot promise "at most N
/// in any 60 s" without giving up part of the rate, nor honour a per-second and a per-minute limit at once; and its
/// refill runs on the real clock. Every wait here is on the injected <see cref="TimeProvider"/>.
/// </remarks>
public sealed class ProviderRateGate : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int? _configuredPerMinute;
    private readonly RequestLog _minute;
    private readonly RequestLog? _second;
    private readonly ThrottleBackoff _backoff;
    private readonly ISharedRateBudget? _shared;
    private readonly double _realtimeShare;
    private int _limit;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private CancellationTokenSource _replan = new();
    private int _waiting;
    private long _pausedUntilTicks;

    // What the provider last said is left in its own window, counted down as requests go.
    private long? _providerLeft;
    private DateTimeOffset _providerResetAt;

    public ProviderRateGate(
        string provider, RateLimitOptions options, RateLimitDefaults defaults, TimeProvider time, Random? random = null, ISharedRateBudget? shared = null)
    {
        Provider = provider;
        _time = time;
        _shared = shared;
        _realtimeShare = options.RealtimeShare;
        _configuredPerMinute = options.PerMinute;
        _limit = options.PerMinute ?? defaults.PerMinute;
        _minute = new RequestLog(Minute, LocalShare(_limit));
        PerSecond = options.PerSecond ?? (options.PerMinute is null ? defaults.PerSecond : null);
        _second = PerSecond is { } limit ? new RequestLog(TimeSpan.FromSeconds(1), LocalShare(limit)) : null;
        _backoff = new ThrottleBackoff(TimeSpan.FromMilliseconds(options.MaxBackoffMs), random ?? Random.Shared);
    }

    public string Provider { get; }

    /// <summary>Requests allowed in any 60 s: configured, the provider's default, or what the provider reported.</summary>
    public int PerMinute
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>Requests allowed in any one second, when the provider has such a limit.</summary>
    public int? PerSecond { get; }

    /// <summary>The longest pause a throttling provider gets.</summary>
    public TimeSpan MaxBackoff => _backoff.Cap;

    /// <summary>Requests that could go now within the minute: what the window leaves, or less if the provider says so.</summary>
    public long Available
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_lock)
            {
                return AtMostWhatTheProviderLeaves(_minute.Limit - _minute.CountSince(now.UtcTicks), now);
            }
        }
    }

    /// <summary>
    /// As <see cref="Available"/>, for the whole account when the budget is shared: what the shared window leaves
    /// (and the provider's own count, when lower).
    /// </summary>
    public async ValueTask<long> AvailableAsync(CancellationToken cancellationToken)
    {
        if (_shared is not { IsAvailable: true } shared
            || await shared.RemainingAsync(Provider, SharedQuota.PerMinute(PerMinute, PerSecond, _realtimeShare), cancellationToken) is not { } remaining)
        {
            return Available;
        }

        lock (_lock)
        {
            return AtMostWhatTheProviderLeaves(remaining, _time.GetUtcNow());
        }
    }

    // Caller holds _lock. The provider's own count of what is left, while its window lasts, caps ours.
    private long AtMostWhatTheProviderLeaves(long left, DateTimeOffset now) =>
        Math.Max(0, _providerLeft is { } providerLeft && now < _providerResetAt ? Math.Min(left, providerLeft) : left);

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
    /// Waits for a turn to send one request. Real-time calls throw <see cref="ProviderRateLimitedException"/> at once
    /// when the next turn would come after their deadline; batch calls wait as long as it takes.
    /// </summary>
    public async ValueTask AcquireAsync(CallBudget budget, CancellationToken cancellationToken)
    {
        if (_shared is { IsAvailable: true } && await TryAcquireSharedAsync(_shared, budget, cancellationToken))
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            KeepToLocalShareLocked();
            var next = NextTurnLocked(now);
            if (_waiting == 0 && next <= now)
            {
                RecordLocked(now);
                return;
            }

            if (budget.IsRealTime && next > budget.Deadline)
            {
                throw new ProviderRateLimitedException(Provider);
            }

            _waiting++;
        }

        try
        {
            await WaitForTurnAsync(budget, cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _waiting--;
            }
        }
    }

    /// <summary>
    /// Corrects the budget from what the provider answered to a request sent at <paramref name="sentAt"/>: pauses
    /// everyone when it throttled or its window is spent, counts down what it says is left, and takes the limit it
    /// reports.
    /// </summary>
    public void Observe(RateLimitSignal signal, DateTimeOffset sentAt)
    {
        var now = _time.GetUtcNow();
        TimeSpan? pause;
        CancellationTokenSource? replan = null;
        lock (_lock)
        {
            pause = signal.IsThrottle ? _backoff.Throttled(sentAt, now, signal.RetryAfter) : null;
            if (!signal.IsThrottle)
            {
                _backoff.Succeeded(sentAt);
            }

            if (signal.LimitPerMinute is > 0 and var reported)
            {
                var limit = (int)Math.Min(_configuredPerMinute ?? int.MaxValue, Math.Min(reported, 1_000_000));
                if (limit > _limit)
                {
                    replan = _replan;
                    _replan = new CancellationTokenSource();
                }

                _limit = limit;
                _minute.Resize(LocalShare(limit));
            }

            if (signal.Remaining is { } remaining)
            {
                CountDownLocked(remaining, signal.ResetAt, now);
            }
        }

        // Whoever waits for a turn under the old, smaller limit looks again. Cancelled outside the lock, as the waiter
        // may continue on this thread; not disposed, as a waiter may still be linking to its token.
        replan?.Cancel();

        if (pause is { } length && length > TimeSpan.Zero)
        {
            PauseUntil(now + length);
        }

        if (signal.Remaining is <= 0)
        {
            // The window is spent: stop until the provider says it resets (or a minute if it does not say).
            PauseUntil(signal.ResetAt is { } reset && reset > now ? reset : now + Minute);
        }
    }

    /// <summary>As <see cref="Observe(RateLimitSignal, DateTimeOffset)"/> for a request sent just now.</summary>
    public void Observe(RateLimitSignal signal) => Observe(signal, _time.GetUtcNow());

    /// <summary>Stops every caller (of every process, with a shared budget) until <paramref name="until"/>; a later pause extends an earlier one.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        if (_shared is { IsAvailable: true } shared && until > _time.GetUtcNow())
        {
            _ = shared.PauseAsync(Provider, until - _time.GetUtcNow()).AsTask();
        }

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

    public void Dispose()
    {
        _turn.Dispose();
        _replan.Dispose();
    }

    /// <summary>One waiter at a time, in arrival order, sleeps until the next turn, then looks again: a pause or a
    /// smaller limit may have arrived meanwhile.</summary>
    private async Task WaitForTurnAsync(CallBudget budget, CancellationToken cancellationToken)
    {
        using var deadline = budget.IsRealTime ? new CancellationTokenSource(budget.Remaining(_time.GetUtcNow()), _time) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            await _turn.WaitAsync(token);
            try
            {
                while (true)
                {
                    var now = _time.GetUtcNow();
                    DateTimeOffset next;
                    CancellationToken replan;
                    lock (_lock)
                    {
                        next = NextTurnLocked(now);
                        if (next <= now)
                        {
                            RecordLocked(now);
                            return;
                        }

                        replan = _replan.Token;
                    }

                    if (budget.IsRealTime && next > budget.Deadline)
                    {
                        throw new ProviderRateLimitedException(Provider);
                    }

                    using var wake = CancellationTokenSource.CreateLinkedTokenSource(token, replan);
                    try
                    {
                        await Task.Delay(AtMostADay(next - now), _time, wake.Token);
                    }
                    catch (OperationCanceledException) when (!token.IsCancellationRequested)
                    {
                        // The limit grew: look again.
                    }
                }
            }
            finally
            {
                _turn.Release();
            }
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            throw new ProviderRateLimitedException(Provider);
        }
    }

    /// <summary>
    /// Waits for the shared budget, in arrival order for batch calls of this process; real-time calls do not queue
    /// behind them. False when the shared budget became unreachable: the caller then keeps to this process's share.
    /// </summary>
    private async ValueTask<bool> TryAcquireSharedAsync(ISharedRateBudget shared, CallBudget budget, CancellationToken cancellationToken)
    {
        var realTime = budget.IsRealTime;
        var quota = SharedQuota.PerMinute(PerMinute, PerSecond, _realtimeShare);
        if (!realTime)
        {
            await _turn.WaitAsync(cancellationToken);
        }

        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                DateTimeOffset next;
                lock (_lock)
                {
                    next = HeldUntilLocked(now);
                }

                if (next <= now)
                {
                    var wait = await shared.TryTakeAsync(Provider, quota, realTime, cancellationToken);
                    if (wait is not { } shortOf)
                    {
                        return false;
                    }

                    if (shortOf <= TimeSpan.Zero)
                    {
                        lock (_lock)
                        {
                            // Kept in this process's own log too: should Redis go, the 1/N share it falls back to
                            // counts what this process already sent in the window, not a fresh minute.
                            RecordLocked(now);
                        }

                        return true;
                    }

                    next = now + shortOf;
                }

                if (realTime && next > budget.Deadline)
                {
                    throw new ProviderRateLimitedException(Provider);
                }

                await Task.Delay(AtMostADay(next - now), _time, cancellationToken);
            }
        }
        finally
        {
            if (!realTime)
            {
                _turn.Release();
            }
        }
    }

    /// <summary>
    /// A wait in one sleep, looked at again after at most a day: a pause a provider asks for can be longer than a timer
    /// takes (about 49 days), and a shorter one may arrive meanwhile.
    /// </summary>
    private static TimeSpan AtMostADay(TimeSpan wait) => wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1);

    /// <summary>This process's part of a limit: all of it alone, 1/N of it among N processes sharing the account.</summary>
    private int LocalShare(int limit) => _shared is null ? limit : Math.Max(1, (int)Math.Ceiling(limit / (double)Math.Max(1, _shared.Nodes)));

    // The number of processes is discovered as they come and go: the local logs follow it.
    private void KeepToLocalShareLocked()
    {
        if (_shared is not null)
        {
            _minute.Resize(LocalShare(_limit));
            if (_second is not null && PerSecond is { } perSecond)
            {
                _second.Resize(LocalShare(perSecond));
            }
        }
    }

    private DateTimeOffset NextTurnLocked(DateTimeOffset now)
    {
        var next = Math.Max(HeldUntilLocked(now).UtcTicks, _minute.NextAllowedTicks);
        if (_second is not null)
        {
            next = Math.Max(next, _second.NextAllowedTicks);
        }

        return new DateTimeOffset(next, TimeSpan.Zero);
    }

    /// <summary>What holds calls whatever the budget: a pause, or the provider saying its window is spent.</summary>
    private DateTimeOffset HeldUntilLocked(DateTimeOffset now)
    {
        var next = Math.Max(now.UtcTicks, Interlocked.Read(ref _pausedUntilTicks));
        if (_providerLeft is <= 0 && _providerResetAt > now)
        {
            next = Math.Max(next, _providerResetAt.UtcTicks);
        }

        return new DateTimeOffset(next, TimeSpan.Zero);
    }

    private void RecordLocked(DateTimeOffset now)
    {
        _minute.Record(now.UtcTicks);
        _second?.Record(now.UtcTicks);
        CountDownProviderLeftLocked(now);
    }

    private void CountDownProviderLeftLocked(DateTimeOffset now)
    {
        if (_providerLeft is not null && now < _providerResetAt)
        {
            _providerLeft--;
        }
    }

    /// <summary>
    /// Takes what the provider says is left: as it is for a new window, and only when lower within the same one,
    /// since answers to earlier requests arrive after later requests went.
    /// </summary>
    private void CountDownLocked(long remaining, DateTimeOffset? resetAt, DateTimeOffset now)
    {
        if (remaining <= 0 && resetAt > now)
        {
            // Spent: wait for the reset this answer names, even when an earlier answer named a later one (a 429 saying
            // "2 s" after a 200 saying "60 s" means 2 s).
            _providerLeft = 0;
            _providerResetAt = resetAt.Value;
            return;
        }

        var reset = resetAt is { } at && at > now ? at : now + Minute;

        // Within a window what is left only falls; a provider that names no reset (Apollo's fixed minutes) and says
        // more is left than we hold has started a new window.
        var risen = resetAt is null && remaining > _providerLeft;
        var sameWindow = !risen && _providerLeft is not null && now < _providerResetAt && (resetAt is null || reset <= _providerResetAt + TimeSpan.FromSeconds(1));
        _providerLeft = sameWindow ? Math.Min(_providerLeft!.Value, remaining) : remaining;
        _providerResetAt = sameWindow ? _providerResetAt : reset;
    }
}
