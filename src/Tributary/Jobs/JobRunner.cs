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

    /// <summary>Callbacks delivered at once: enough that a few receivers that are down leave room for the rest.</summary>
    private const int MaxCallbacksAtOnce = 16;

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

    /// <summary>
    /// Delivers due callbacks side by side, up to <see cref="MaxCallbacksAtOnce"/>, so one receiver that is down (each
    /// attempt waiting out its timeout, then its backoff) holds up no other job's callback. Only this loop adds to or
    /// removes from the deliveries in flight, and it drops finished ones before it lists what is due: a callback whose
    /// result was recorded is not listed again, and one listed while its delivery ends is not started twice.
    /// </summary>
    private async Task DeliverCallbacksAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var inFlight = new Dictionary<string, Task>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var done in inFlight.Where(static d => d.Value.IsCompleted).Select(static d => d.Key).ToList())
                {
                    inFlight.Remove(done);
                }

                foreach (var id in await store.ListPendingCallbacksAsync(stoppingToken))
                {
                    if (inFlight.Count < MaxCallbacksAtOnce && !inFlight.ContainsKey(id))
                    {
                        inFlight[id] = DeliverOneAsync(id, stoppingToken);
                    }
                }

                await wakeup.WaitForCallbackAsync(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                JobsLog.RunnerError(logger, ex.GetType().Name);
                await PauseAsync(stoppingToken);
            }
        }

        await Task.WhenAll(inFlight.Values);
    }

    private async Task DeliverOneAsync(string id, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await callbacks.DeliverAsync(id, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Still pending in the store: delivered after the restart.
        }
        catch (Exception ex)
        {
            JobsLog.RunnerError(logger, ex.GetType().Name);
        }
        finally
        {
            // Frees its slot for a callback that was waiting for one.
            wakeup.CallbackPending();
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
