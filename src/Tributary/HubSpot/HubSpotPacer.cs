using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Tributary.Resilience;

namespace Tributary.Host.HubSpot;

/// <summary>
/// The HubSpot account's call budget, shared by every call of the process: a sliding-window limiter of
/// <c>HubSpot:RateLimit</c> calls per interval, paused for everyone by a ten-secondly 429, stopped until the next UTC
/// midnight by a <c>DAILY</c> one, and corrected from what HubSpot reports (<c>X-HubSpot-RateLimit-Max</c>,
/// <c>-Interval-Milliseconds</c>, <c>-Remaining</c>), since the limit is the account's and other apps spend it too.
/// </summary>
/// <remarks>
/// <see cref="SlidingWindowRateLimiter"/> hands back the permits of a segment once the window has slid past it, which
/// can be one segment short of a full interval; the window here has one segment more than the interval, so a permit
/// is never reused within the interval. Segments are short (interval / 50) so that margin costs 2 % of the budget,
/// not the 10 % of ten segments. The limiter slides one segment per <c>TryReplenish</c>, called by a timer of the
/// injected <see cref="TimeProvider"/> every segment, so tests drive it with a fake clock. Its own
/// <c>Window</c> is the smallest it accepts (one tick per segment) because the limiter skips a manual replenishment
/// that comes sooner than its period on the real clock (a fake clock moves faster); it is used for nothing else.
/// </remarks>
internal sealed class HubSpotPacer : IDisposable
{
    private const int Segments = 50;

    /// <summary>The account's name in the shared budget.</summary>
    private const string SharedName = "hubspot";

    // Two seconds: a CI run of three workers on a loaded machine saw a call arrive more than one second after its turn.
    private static readonly TimeSpan SharedMargin = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly ISharedRateBudget? _shared;
    private readonly int _configuredLimit;
    private readonly Lock _lock = new();
    private Window _window;
    private long _pausedUntilTicks;
    private long _stoppedUntilTicks;
    private string? _usage;
    private bool _disposed;

    /// <param name="options">The configured limit, until HubSpot's headers say otherwise.</param>
    /// <param name="time">Slides the window and times the pauses.</param>
    /// <param name="shared">With several processes on one HubSpot account (Redis), the budget they share.</param>
    public HubSpotPacer(IOptions<HubSpotOptions> options, TimeProvider time, ISharedRateBudget? shared = null)
    {
        _time = time;
        _shared = shared;
        var rateLimit = options.Value.RateLimit;
        _configuredLimit = rateLimit.Requests;
        _window = new Window(_configuredLimit, TimeSpan.FromMilliseconds(rateLimit.IntervalMs), time);
    }

    /// <summary>Calls allowed per <see cref="Interval"/> now.</summary>
    public int Limit => Volatile.Read(ref _window).Limit;

    public TimeSpan Interval => Volatile.Read(ref _window).Interval;

    /// <summary>When HubSpot work may start again after a <c>DAILY</c> 429, or null when it is not stopped.</summary>
    public DateTimeOffset? StoppedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _stoppedUntilTicks);
            return ticks > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>The daily budget HubSpot last reported, e.g. <c>daily-remaining=999120/1000000</c>, or null.</summary>
    public string? LastUsage => Volatile.Read(ref _usage);

    /// <summary>Waits for a turn to send one call: past any pause, within the limit.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
            await WaitOutPauseAsync(cancellationToken);
            var window = Volatile.Read(ref _window);
            if (_shared is { IsAvailable: true } shared && await TakeSharedAsync(shared, window, cancellationToken))
            {
                return;
            }

            // Alone, or the shared budget is out of reach: this process's window, where a call costs as many permits as
            // there are processes sharing the account, so each keeps to its part of the limit.
            RateLimitLease lease;
            try
            {
                lease = await window.Limiter.AcquireAsync(Math.Min(window.Limit, _shared?.Nodes ?? 1), cancellationToken);
            }
            catch (ObjectDisposedException)
            {
                continue;
            }

            using (lease)
            {
                if (lease.IsAcquired)
                {
                    // A pause may have begun while this call waited for its permit.
                    await WaitOutPauseAsync(cancellationToken);
                    return;
                }
            }

            // Refused only when the window was replaced (a new limit) while this call waited: queue in the new one.
        }
    }

    /// <summary>Stops everyone (every process, with a shared budget) until <paramref name="until"/>; a later pause extends an earlier one.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        Extend(ref _pausedUntilTicks, until.UtcTicks);
        if (_shared is { IsAvailable: true } shared && until > _time.GetUtcNow())
        {
            _ = shared.PauseAsync(SharedName, until - _time.GetUtcNow()).AsTask();
        }
    }

    /// <summary>Stops HubSpot work until the next UTC midnight, when HubSpot's daily limit renews; returns that instant.</summary>
    public DateTimeOffset StopForTheDay()
    {
        var resumeAt = new DateTimeOffset(_time.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Extend(ref _stoppedUntilTicks, resumeAt.UtcTicks);
        return resumeAt;
    }

    /// <summary>Takes HubSpot's rate-limit headers from an answer.</summary>
    public void Observe(HttpResponseMessage response)
    {
        var headers = response.Headers;
        var max = Number(headers, "X-HubSpot-RateLimit-Max");
        var intervalMs = Number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        var remaining = Number(headers, "X-HubSpot-RateLimit-Remaining");
        if (Number(headers, "X-HubSpot-RateLimit-Daily") is { } daily && Number(headers, "X-HubSpot-RateLimit-Daily-Remaining") is { } dailyLeft)
        {
            Volatile.Write(ref _usage, string.Create(CultureInfo.InvariantCulture, $"daily-remaining={dailyLeft}/{daily}"));
        }

        Window? replaced = null;
        lock (_lock)
        {
            var window = _window;
            var limit = max is > 0 ? (int)Math.Min(_configuredLimit, max.Value) : window.Limit;
            var interval = intervalMs is >= 100 and <= 86_400_000 ? TimeSpan.FromMilliseconds(intervalMs.Value) : window.Interval;
            if (limit != window.Limit || interval != window.Interval)
            {
                // What this window spent still counts in the new one, so changing the limit is not a fresh burst.
                var next = new Window(limit, interval, _time);
                next.Spend(window.Limit - window.Available);
                Volatile.Write(ref _window, next);
                (replaced, window) = (window, next);
            }

            // HubSpot counts the whole account; whatever it has left below what this process thinks is spent elsewhere.
            if (remaining is { } left && window.Available - Math.Max(0, left) is > 0 and var spentElsewhere)
            {
                window.Spend(spentElsewhere);
            }
        }

        replaced?.Dispose();
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        Volatile.Read(ref _window).Dispose();
    }

    /// <summary>
    /// Takes a turn from the budget every process on the account shares: the limit per interval, counted over the
    /// interval and a second. The shared log holds when each call was let go, not when it reached HubSpot, and a
    /// process's first call can take most of a second to arrive (a new connection, code not yet compiled): a call let
    /// go the moment that one leaves the log must not reach HubSpot inside the window HubSpot counts it in (a test of
    /// three workers saw two 429s with a margin of one segment). False when the budget became unreachable.
    /// </summary>
    private async ValueTask<bool> TakeSharedAsync(ISharedRateBudget shared, Window window, CancellationToken cancellationToken)
    {
        var quota = new SharedQuota(window.Limit, PerSecond: null, RealtimeShare: 0, window.Interval + SharedMargin);
        while (true)
        {
            var wait = await shared.TryTakeAsync(SharedName, quota, realTime: false, cancellationToken);
            if (wait is not { } delay)
            {
                return false;
            }

            if (delay <= TimeSpan.Zero)
            {
                return true;
            }

            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    private async ValueTask WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        while (Interlocked.Read(ref _pausedUntilTicks) - _time.GetUtcNow().UtcTicks is > 0 and var ticks)
        {
            await Task.Delay(TimeSpan.FromTicks(ticks), _time, cancellationToken);
        }
    }

    private static void Extend(ref long ticks, long until)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref ticks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref ticks, until, current) != current);
    }

    private static long? Number(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>One limiter and the timer that slides it.</summary>
    private sealed class Window : IDisposable
    {
        private readonly ITimer _timer;

        public Window(int limit, TimeSpan interval, TimeProvider time)
        {
            Limit = limit;
            Interval = interval;
            var segment = interval / Segments;
            Limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromTicks(Segments + 1),
                SegmentsPerWindow = Segments + 1,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = false,
            });
            _timer = time.CreateTimer(static limiter => ((SlidingWindowRateLimiter)limiter!).TryReplenish(), Limiter, segment, segment);
        }

        public int Limit { get; }

        public TimeSpan Interval { get; }

        public SlidingWindowRateLimiter Limiter { get; }

        public long Available => Limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;

        /// <summary>Takes up to <paramref name="permits"/> of what is available now; they come back as the window slides.</summary>
        public void Spend(long permits)
        {
            var take = (int)Math.Min(permits, Available);
            if (take > 0)
            {
                Limiter.AttemptAcquire(take).Dispose();
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            Limiter.Dispose();
        }
    }
}
