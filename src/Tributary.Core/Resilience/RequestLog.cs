namespace Tributary.Resilience;

/// <summary>
/// The instants of the last <see cref="Limit"/> requests sent, so that no window of <see cref="Length"/> ever holds more
/// than <see cref="Limit"/> of them: the next request may go once the oldest of those has left the window. Unlike a
/// token bucket that starts full and refills continuously (up to bucket + rate requests in one window), this holds for
/// every window, wherever the provider's fixed window happens to start. Not thread-safe: the gate locks around it.
/// </summary>
internal sealed class RequestLog
{
    private const int InitialCapacity = 64;

    // A ring of UTC ticks in the order sent; it grows up to Limit, so a generous limit costs memory only when used.
    private long[] _sent;
    private int _oldest;
    private int _count;

    public RequestLog(TimeSpan length, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Length = length;
        Limit = limit;
        _sent = new long[Math.Min(limit, InitialCapacity)];
    }

    public TimeSpan Length { get; }

    public int Limit { get; private set; }

    /// <summary>The earliest instant (UTC ticks) at which one more request keeps every window within the limit.</summary>
    public long NextAllowedTicks => _count < Limit ? long.MinValue : At(_count - Limit) + Length.Ticks;

    /// <summary>Requests sent within the window that ends at <paramref name="nowTicks"/>.</summary>
    public int CountSince(long nowTicks)
    {
        // The ring is sorted oldest first: binary search for the first request still inside the window.
        var windowStart = nowTicks - Length.Ticks;
        int low = 0, high = _count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (At(middle) > windowStart)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return _count - low;
    }

    /// <summary>Records a request sent at <paramref name="nowTicks"/>, which is never earlier than the last one.</summary>
    public void Record(long nowTicks)
    {
        if (_count == Limit)
        {
            _sent[_oldest] = nowTicks;
            _oldest = (_oldest + 1) % _sent.Length;
            return;
        }

        if (_count == _sent.Length)
        {
            Reallocate(Math.Min(Limit, _sent.Length * 2));
        }

        _sent[(_oldest + _count) % _sent.Length] = nowTicks;
        _count++;
    }

    /// <summary>Changes the limit, keeping the most recent requests: a smaller limit applies to what was already sent.</summary>
    public void Resize(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (limit == Limit)
        {
            return;
        }

        var keep = Math.Min(_count, limit);
        var skip = _count - keep;
        var resized = new long[Math.Max(keep, Math.Min(limit, InitialCapacity))];
        for (var i = 0; i < keep; i++)
        {
            resized[i] = At(skip + i);
        }

        _sent = resized;
        _oldest = 0;
        _count = keep;
        Limit = limit;
    }

    /// <summary>The <paramref name="index"/>th request recorded, oldest first.</summary>
    private long At(int index) => _sent[(_oldest + index) % _sent.Length];

    private void Reallocate(int capacity)
    {
        var grown = new long[capacity];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = At(i);
        }

        _sent = grown;
        _oldest = 0;
    }
}
