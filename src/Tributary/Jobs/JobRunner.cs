using Microsoft.Extensions.Options;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>
/// Works the queue of bulk jobs in the background, one job at a time (each with bounded concurrency), and delivers
/// their callbacks. On start it resumes what the store says is unfinished, so jobs survive a restart; on shutdown
/// it hands its job back. Neither loop dies on an error: it is logged and the loop goes on after the next poll.
/// </summary>
internal sealed class JobRunner(
    IJobStore store,
    JobExecution execution,
    JobCallbackSender callbacks,
    JobWakeup wakeup,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly JobsOptions _options = options.Value;

    private TimeSpan Poll => TimeSpan.FromSeconds(_options.PollSeconds);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RunJobsAsync(stoppingToken), DeliverCallbacksAsync(stoppingToken));

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var worked = false;
                foreach (var id in await store.ListUnfinishedAsync(stoppingToken))
                {
                    if (stoppingToken.IsCancellationRequested
                        || !await store.TryClaimAsync(id, _owner, time.GetUtcNow(), TimeSpan.FromSeconds(_options.LeaseSeconds), stoppingToken))
                    {
                        continue;
                    }

                    await execution.RunAsync(id, _owner, stoppingToken);
                    wakeup.CallbackPending();
                    worked = true;
                }

                if (!worked)
                {
                    await wakeup.WaitForJobAsync(Poll, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                JobsLog.RunnerError(logger, ex.GetType().Name);
                await PauseAsync(stoppingToken);
            }
        }
    }

    private async Task DeliverCallbacksAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await store.ListPendingCallbacksAsync(stoppingToken))
                {
                    await callbacks.DeliverAsync(id, stoppingToken);
                }

                await wakeup.WaitForCallbackAsync(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                JobsLog.RunnerError(logger, ex.GetType().Name);
                await PauseAsync(stoppingToken);
            }
        }
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Poll, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
