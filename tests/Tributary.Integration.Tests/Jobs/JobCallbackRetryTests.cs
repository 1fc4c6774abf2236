using Microsoft.Extensions.DependencyInjection;
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
        var store = gateway.Services.GetRequiredService<IJobStore>();
        var id = Guid.NewGuid().ToString("N");
        await store.CreateAsync(new NewJob(id, time.GetUtcNow(), "{}", receiver.Url, ["""{"email":"nobody@unknown-company.com"}"""]), CancellationToken.None);
        // Finished here, or by the gateway's own runner when it claimed the job first: either way its callback is pending.
        if (await store.TryClaimAsync(id, "test", time.GetUtcNow(), TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            await store.FinishAsync(id, "test", JobState.Completed, null, time.GetUtcNow(), CancellationToken.None);
        }

        gateway.Services.GetRequiredService<JobWakeup>().CallbackPending();

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
}
