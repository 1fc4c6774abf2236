using Microsoft.Extensions.Time.Testing;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>Moves a fake clock while a call over real loopback HTTP is under way, until it finishes.</summary>
internal static class FakeClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> whenever the call has had a moment to act on the last
    /// step, until it completes; returns how much fake time passed. Fails after <paramref name="limit"/> of fake time.
    /// </summary>
    public static async Task<TimeSpan> DriveAsync(Task call, FakeTimeProvider time, TimeSpan step, TimeSpan limit)
    {
        var advanced = TimeSpan.Zero;
        while (!call.IsCompleted)
        {
            // Real time only lets the loopback exchange and its continuations run; fake time alone decides the waits.
            await Task.WhenAny(call, Task.Delay(20));
            if (call.IsCompleted)
            {
                break;
            }

            advanced.ShouldBeLessThan(limit, "the call should have finished by now");
            time.Advance(step);
            advanced += step;
        }

        return advanced;
    }
}
