using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Host.Jobs;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>A callback between its attempts, on a fake clock: the pause before a retry lasts until the test moves time.</summary>
public sealed class JobCallbackRetryTests
{
    [Fact]
    public async Task Callback_WhileWaitingToRetry_ShowsTheAttemptsMadeSoFar()
    {
        var time = FakeClock.Create();
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailFirst = int.MaxValue;
        receiver.FailWith = 404;
        await using var gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<TimeProvider>(time),
            "--Jobs:AllowPrivateCallbacks=true", "--Jobs:CallbackRetryDelayMs=5000", "--Jobs:CallbackMaxAttempts=3");
        var id = await FinishedJobAsync(gateway, time, receiver);

        // The first attempt was answered 404 and the retry waits on the clock nobody has moved.
        await Eventually.TrueAsync(() => receiver.Requests.Count == 1, "the first attempt", TimeSpan.FromSeconds(30));
        var waiting = (await JobsClient.GetAsync(gateway.Client, id)).GetProperty("callback");
        waiting.GetProperty("state").GetString().ShouldBe("pending");
        waiting.GetProperty("attempts").GetInt32().ShouldBe(1);

        await RunningClock.UntilAsync(time, () => receiver.Requests.Count == 2, TimeSpan.FromMinutes(5), "the second attempt");
        var retried = (await JobsClient.GetAsync(gateway.Client, id)).GetProperty("callback");
        retried.GetProperty("state").GetString().ShouldBe("pending");
        retried.GetProperty("attempts").GetInt32().ShouldBe(2);

        await RunningClock.UntilAsync(time, () => receiver.Requests.Count == 3, TimeSpan.FromMinutes(5), "the third attempt");
        var done = await JobsClient.WaitAsync(gateway.Client, id, j => j.GetProperty("callback").GetProperty("state").GetString() != "pending", seconds: 30);
        done.GetProperty("callback").GetProperty("state").GetString().ShouldBe("failed");
        done.GetProperty("callback").GetProperty("attempts").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Callback_Retries_WaitTwiceAsLongEachTime_AsDocumented()
    {
        var time = FakeClock.Create();
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailFirst = int.MaxValue;
        receiver.FailWith = 500;
        await using var gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<TimeProvider>(time),
            "--Jobs:AllowPrivateCallbacks=true", "--Jobs:CallbackRetryDelayMs=10000", "--Jobs:CallbackMaxAttempts=4");
        await FinishedJobAsync(gateway, time, receiver);

        // The fake time of each attempt, read as it arrives (the running clock moves in one-second steps).
        await Eventually.TrueAsync(() => receiver.Requests.Count == 1, "the first attempt", TimeSpan.FromSeconds(30));
        var arrivals = new List<DateTimeOffset> { time.GetUtcNow() };
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            await RunningClock.UntilAsync(time, () => receiver.Requests.Count == attempt, TimeSpan.FromMinutes(5), $"attempt {attempt}");
            arrivals.Add(time.GetUtcNow());
        }

        var waits = arrivals.Zip(arrivals.Skip(1), static (a, b) => (b - a).TotalSeconds).ToArray();
        waits[0].ShouldBeInRange(8, 12, "10 s before the first retry, give or take 10 % and a clock step");
        waits[1].ShouldBeGreaterThan(waits[0] * 1.4, string.Join(", ", waits));
        waits[2].ShouldBeGreaterThan(waits[1] * 1.4, string.Join(", ", waits));
    }

    [Fact]
    public async Task Callback_ToAReceiverThatIsDown_HoldsUpNoOtherJobsCallback()
    {
        var time = FakeClock.Create();
        await using var down = await CallbackReceiver.StartAsync();
        down.FailFirst = int.MaxValue;
        down.FailWith = 503;
        await using var up = await CallbackReceiver.StartAsync();
        await using var gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<TimeProvider>(time),
            "--Jobs:AllowPrivateCallbacks=true", "--Jobs:CallbackRetryDelayMs=60000", "--Jobs:CallbackMaxAttempts=5");
        await FinishedJobAsync(gateway, time, down);
        await Eventually.TrueAsync(() => down.Requests.Count == 1, "the first attempt at the receiver that is down", TimeSpan.FromSeconds(30));

        // The clock does not move, so the first job's retry waits for ever; the second job's callback must not.
        var id = await FinishedJobAsync(gateway, time, up);

        var delivered = await JobsClient.WaitAsync(gateway.Client, id, j => j.GetProperty("callback").GetProperty("state").GetString() != "pending", seconds: 30);
        delivered.GetProperty("callback").GetProperty("state").GetString().ShouldBe("delivered");
        up.Requests.Count.ShouldBe(1);
        down.Requests.Count.ShouldBe(1);
    }

    /// <summary>A finished job whose callback to <paramref name="receiver"/> is due.</summary>
    private static async Task<string> FinishedJobAsync(GatewayServer gateway, FakeTimeProvider time, CallbackReceiver receiver)
    {
        var store = gateway.Services.GetRequiredService<IJobStore>();
        var id = Guid.NewGuid().ToString("N");
        await store.CreateAsync(new NewJob(id, time.GetUtcNow(), "{}", receiver.Url, ["""{"email":"nobody@unknown-company.com"}"""]), CancellationToken.None);
        // Finished here, or by the gateway's own runner when it claimed the job first: either way its callback is pending.
        if (await store.TryClaimAsync(id, "test", time.GetUtcNow(), TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            await store.FinishAsync(id, "test", JobState.Completed, null, time.GetUtcNow(), CancellationToken.None);
        }

        gateway.Services.GetRequiredService<JobWakeup>().CallbackPending();
        return id;
    }
}
