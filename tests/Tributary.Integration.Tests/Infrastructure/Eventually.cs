using System.Diagnostics;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>Waits for something a background task does (an answer landing, a call reaching a simulator), never for time to pass.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Still waiting after {limit.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(5);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Still waiting after {limit.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(5);
        }
    }
}
