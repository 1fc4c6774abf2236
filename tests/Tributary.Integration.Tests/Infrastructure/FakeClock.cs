using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>Moves a fake clock while a call over real loopback HTTP (or a disposal) is under way, until it finishes.</summary>
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

    /// <summary>
    /// Disposes a harness's services; on a fake clock it keeps the clock moving meanwhile, as Polly waits (on the
    /// pipeline's clock) for calls under way to end before disposing their pipeline: after a failed assertion a call
    /// may still be parked, and a clock nobody moves would hold the whole test run.
    /// </summary>
    public static async ValueTask DisposeAsync(ServiceProvider services)
    {
        var fake = services.GetService<TimeProvider>() as FakeTimeProvider;
        var disposing = services.DisposeAsync().AsTask();
        if (fake is not null)
        {
            await DriveAsync(disposing, fake, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        }

        await disposing;
    }
}
