using System.Globalization;
using Microsoft.Extensions.Options;
using Tributary.Resilience;

namespace Tributary.Host.HubSpot;

/// <summary>
/// The HubSpot account's call budget, shared by every call of the process: <c>HubSpot:RateLimit</c> calls per
/// interval, counted by <see cref="HubSpotCallLog"/> as HubSpot can count them, paused for everyone by a ten-secondly
/// 429, stopped until the next UTC midnight by a <c>DAILY</c> one, and corrected from what HubSpot reports
/// (<c>X-HubSpot-RateLimit-Max</c>, <c>-Interval-Milliseconds</c>, <c>-Remaining</c>), since the limit is the account's
/// and other apps spend it too.
/// </summary>
internal sealed class HubSpotPacer : IDisposable
{
    /// <summary>The account's name in the shared budget.</summary>
    private const string SharedName = "hubspot";

    // Two seconds: a CI run of three workers on a loaded machine saw a call arrive more than one second after its turn.
    private static readonly TimeSpan SharedMargin = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly ISharedRateBudget? _shared;
    private readonly int _configuredLimit;
    private readonly Lock _lock = new();
    private readonly HubSpotCallLog _log;
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
        _log = new HubSpotCallLog(_configuredLimit, TimeSpan.FromMilliseconds(rateLimit.IntervalMs), time);
    }

    /// <summary>The account's limit as the shared log counts it: over the interval and <see cref="SharedMargin"/>.</summary>
    private SharedQuota SharedQuotaNow => new(_log.Limit, PerSecond: null, RealtimeShare: 0, _log.Interval + SharedMargin);

    /// <summary>Calls allowed per <see cref="Interval"/> now.</summary>
    public int Limit => _log.Limit;

    public TimeSpan Interval => _log.Interval;

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

    /// <summary>Waits for a turn to send one call: past any pause, within the limit. The turn ends with the call's answer.</summary>
    public async ValueTask<Turn> WaitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        await WaitOutPauseAsync(cancellationToken);
        if (_shared is { IsAvailable: true } shared && await TakeSharedAsync(shared, cancellationToken))
        {
            return new Turn(default, this, _time.GetUtcNow().UtcTicks);
        }

        // Alone, or the shared budget is out of reach: this process's log, where a call takes as many places as there
        // are processes sharing the account, so each keeps to its part of the limit.
        var turn = await _log.TakeAsync(_shared?.Nodes ?? 1, cancellationToken);
        try
        {
            // A pause may have begun while this call waited for its turn.
            await WaitOutPauseAsync(cancellationToken);
            return new Turn(turn, null, 0);
        }
        catch
        {
            turn.Dispose();
            throw;
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

        lock (_lock)
        {
            var limit = max is > 0 ? (int)Math.Min(_configuredLimit, max.Value) : _log.Limit;
            var interval = intervalMs is >= 100 and <= 86_400_000 ? TimeSpan.FromMilliseconds(intervalMs.Value) : _log.Interval;
            if (limit != _log.Limit || interval != _log.Interval)
            {
                _log.Reset(limit, interval);
            }

            // HubSpot counts the whole account; whatever it has left below what this process thinks is spent elsewhere.
            // Not from a 429: its Retry-After already pauses everyone for as long as HubSpot asks, and counting its
            // "0 left" as calls made now would hold every call for a whole interval (10 s where HubSpot said 2).
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests
                && remaining is { } left && _log.Available - Math.Max(0, left) is > 0 and var spentElsewhere)
            {
                _log.Spend((int)spentElsewhere);
            }
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _log.Dispose();
    }

    /// <summary>
    /// Takes a turn from the budget every process on the account shares: the limit per interval, counted over the
    /// interval and <see cref="SharedMargin"/>. The shared log holds when each call was let go, not when it reached
    /// HubSpot, and a process's first call can take most of a second to arrive (a new connection, code not yet
    /// compiled): a call let go the moment that one leaves the log must not reach HubSpot inside the window HubSpot
    /// counts it in. False when the budget became unreachable.
    /// </summary>
    private async ValueTask<bool> TakeSharedAsync(ISharedRateBudget shared, CancellationToken cancellationToken)
    {
        var quota = SharedQuotaNow;
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

    /// <summary>
    /// A call with a shared turn was answered. The shared log counts it from the moment it was let go, for the interval
    /// and <see cref="SharedMargin"/>; HubSpot may have counted it as late as its answer. When the answer came later
    /// than the margin (a process starved of CPU), a second entry in the shared log, taken as soon as there is room,
    /// stands in for the call until an interval after its answer.
    /// </summary>
    private void SharedAnswered(long takenAt)
    {
        var answeredAt = _time.GetUtcNow().UtcTicks;
        if (answeredAt - takenAt > SharedMargin.Ticks && _shared is { IsAvailable: true } shared)
        {
            _ = StandInAsync(shared, answeredAt + _log.Interval.Ticks);
        }
    }

    private async Task StandInAsync(ISharedRateBudget shared, long untilTicks)
    {
        var quota = SharedQuotaNow;
        while (!Volatile.Read(ref _disposed) && _time.GetUtcNow().UtcTicks < untilTicks
            && await shared.TryTakeAsync(SharedName, quota, realTime: false, CancellationToken.None) is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time);
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

    /// <summary>A call's turn, from the log of this process or from the shared log; ends with the call's answer.</summary>
    public readonly struct Turn(HubSpotCallLog.Turn local, HubSpotPacer? shared, long sharedTakenAt) : IDisposable
    {
        public void Dispose()
        {
            local.Dispose();
            shared?.SharedAnswered(sharedTakenAt);
        }
    }
}
