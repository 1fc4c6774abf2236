namespace Tributary.Host.Genesys;

/// <summary>
/// How long one API's calls wait after it answered 429. A later, longer pause extends an earlier one; a pause is an
/// episode from the first 429 that finds none in force to its end, so concurrent 429s are told (logged) once.
/// </summary>
internal sealed class GenesysApiPause
{
    private long _untilTicks;

    /// <summary>Extends the pause to <paramref name="until"/>; true when none was in force at <paramref name="now"/> (a new episode).</summary>
    public bool PauseUntil(DateTimeOffset until, DateTimeOffset now)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _untilTicks);
            if (current >= until.UtcTicks)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _untilTicks, until.UtcTicks, current) != current);

        return current <= now.UtcTicks;
    }

    /// <summary>Until the pause is over; at once when there is none. Looks again after each wait, as it may have been extended.</summary>
    public async ValueTask WaitAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        while (Interlocked.Read(ref _untilTicks) - time.GetUtcNow().UtcTicks is > 0 and var left)
        {
            await Task.Delay(TimeSpan.FromTicks(left), time, cancellationToken);
        }
    }
}
