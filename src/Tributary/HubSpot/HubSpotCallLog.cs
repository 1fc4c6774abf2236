namespace Tributary.Host.HubSpot;

/// <summary>
/// This process's HubSpot calls of the last interval, counted the way HubSpot can count them: a call holds its place
/// from the moment it is let go until one interval after its answer came back. HubSpot counts a call when it arrives,
/// somewhere between those two moments, so a place freed here is never inside the window HubSpot counted the old call
/// in, however late that call reached HubSpot (a cold process's first calls take most of a second to leave). Counting
/// from the moment a call was let go, as a sliding-window limiter does, drew 429s from exactly those late calls.
/// Waiting calls get their turns in arrival order; the injected <see cref="TimeProvider"/> frees the places, so tests
/// drive the log with a fake clock.
/// </summary>
internal sealed class HubSpotCallLog : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();

    // Answered calls, each with the moment it leaves the window (UTC ticks), in that order: every entry is "now +
    // interval" when it is added, and the clock only moves forward.
    private readonly Queue<(long FreesAt, int Places)> _answered = new();
    private readonly LinkedList<Waiter> _waiters = new();

    // Places of the calls under way and of those answered within the last interval.
    private int _held;
    private int _limit;
    private long _intervalTicks;
    private bool _disposed;

    public HubSpotCallLog(int limit, TimeSpan interval, TimeProvider time)
    {
        _time = time;
        _limit = limit;
        _intervalTicks = interval.Ticks;
        _timer = time.CreateTimer(static log => ((HubSpotCallLog)log!).Grant(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Calls allowed per <see cref="Interval"/>.</summary>
    public int Limit
    {
        get { lock (_lock) { return _limit; } }
    }

    public TimeSpan Interval
    {
        get { lock (_lock) { return TimeSpan.FromTicks(_intervalTicks); } }
    }

    /// <summary>Places free now: the limit less the calls under way and those answered within the last interval.</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                Expire(_time.GetUtcNow().UtcTicks);
                return Math.Max(0, _limit - _held);
            }
        }
    }

    /// <summary>
    /// Waits for <paramref name="places"/> places (a process sharing the account with others takes a call's worth for
    /// each, so all of them keep to the limit together), held until the returned turn ends with the call's answer.
    /// </summary>
    public async ValueTask<Turn> TakeAsync(int places, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            places = Math.Clamp(places, 1, Math.Max(1, _limit));
            Expire(_time.GetUtcNow().UtcTicks);
            if (_waiters.Count == 0 && _held + places <= _limit)
            {
                _held += places;
                return new Turn(this, places);
            }

            waiter = new Waiter(this, places, cancellationToken);
            waiter.Node = _waiters.AddLast(waiter);
        }

        // Sets the timer for the oldest answered call, or grants at once if the waiters ahead have gone.
        Grant();

        await using (cancellationToken.Register(static w => ((Waiter)w!).Cancel(), waiter))
        {
            return await waiter.Granted.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Calls HubSpot reports that this process did not make (other apps on the account): they fill places for one interval.</summary>
    public void Spend(int places)
    {
        if (places <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _answered.Enqueue((_time.GetUtcNow().UtcTicks + _intervalTicks, places));
            _held += places;
        }
    }

    /// <summary>A limit or interval HubSpot reported: calls counted so far keep counting.</summary>
    public void Reset(int limit, TimeSpan interval)
    {
        lock (_lock)
        {
            _limit = limit;
            _intervalTicks = interval.Ticks;
        }

        Grant();
    }

    public void Dispose()
    {
        List<Waiter> waiting;
        lock (_lock)
        {
            _disposed = true;
            waiting = [.. _waiters];
            _waiters.Clear();
        }

        _timer.Dispose();
        foreach (var waiter in waiting)
        {
            waiter.Granted.TrySetException(new ObjectDisposedException(nameof(HubSpotCallLog)));
        }
    }

    /// <summary>A call answered (or failed): its places leave the window one interval from now.</summary>
    private void Answered(int places)
    {
        lock (_lock)
        {
            _answered.Enqueue((_time.GetUtcNow().UtcTicks + _intervalTicks, places));
        }

        Grant();
    }

    /// <summary>Drops what left the window; caller holds the lock.</summary>
    private void Expire(long now)
    {
        while (_answered.TryPeek(out var head) && head.FreesAt <= now)
        {
            _answered.Dequeue();
            _held -= head.Places;
        }
    }

    /// <summary>Gives free places to the waiting calls in order, and sets the timer for the next place to free.</summary>
    private void Grant()
    {
        var granted = new List<Waiter>();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow().UtcTicks;
            Expire(now);
            while (_waiters.First is { } first)
            {
                var waiter = first.Value;
                if (waiter.Granted.Task.IsCompleted)
                {
                    _waiters.RemoveFirst();
                    continue;
                }

                if (_held + waiter.Places > _limit)
                {
                    break;
                }

                _waiters.RemoveFirst();
                _held += waiter.Places;
                granted.Add(waiter);
            }

            // Waiters left: wake when the oldest answered call leaves the window (calls under way free nothing until
            // they are answered, which calls Grant again).
            var wake = _waiters.Count > 0 && _answered.TryPeek(out var head) ? TimeSpan.FromTicks(Math.Max(0, head.FreesAt - now)) : Timeout.InfiniteTimeSpan;
            _timer.Change(wake, Timeout.InfiniteTimeSpan);
        }

        foreach (var waiter in granted)
        {
            if (!waiter.Granted.TrySetResult(new Turn(this, waiter.Places)))
            {
                // Cancelled as it was granted: the places go back.
                lock (_lock)
                {
                    _held -= waiter.Places;
                }

                Grant();
            }
        }
    }

    private void Forget(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is not null)
            {
                _waiters.Remove(waiter.Node);
            }
        }

        Grant();
    }

    /// <summary>A call's places, from the moment it was let go until its answer; disposing it starts their last interval.</summary>
    public readonly struct Turn(HubSpotCallLog? log, int places) : IDisposable
    {
        public void Dispose() => log?.Answered(places);
    }

    private sealed class Waiter(HubSpotCallLog log, int places, CancellationToken cancellationToken)
    {
        public int Places { get; } = places;

        /// <summary>Its place in the queue; read and written under the log's lock.</summary>
        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource<Turn> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Cancel()
        {
            if (Granted.TrySetCanceled(cancellationToken))
            {
                log.Forget(this);
            }
        }
    }
}
