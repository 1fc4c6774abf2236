using Tributary.Storage;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>
/// Works the staged provider callbacks (sources <c>&lt;provider&gt;-callback</c>): each is kept by
/// <see cref="ProviderCallbackProcessor"/> and then deleted. One that cannot be applied here, or whose store write
/// fails, is retried with a growing delay; after <see cref="MaxAttempts"/> attempts it becomes a dead letter
/// (<see cref="ProviderCallbackDeadLetters"/>) an operator can replay. Runs in <c>serve</c> and in <c>tributary worker</c>:
/// every process on one store shares the queue, and a record is held by one claim at a time, so none is applied twice
/// at once (and applying one again would change nothing).
/// </summary>
internal sealed class ProviderCallbackWorker(
    IStagingQueue queue,
    IDeadLetterStore deadLetters,
    ProviderCallbackIndex index,
    ProviderCallbackProcessor processor,
    ProviderCallbackWakeup wakeup,
    TimeProvider time,
    ILogger<ProviderCallbackWorker> logger)
{
    /// <summary>Claims of one callback before it becomes a dead letter.</summary>
    public const int MaxAttempts = 5;

    private const int BatchSize = 32;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    // Deliveries received here wake the worker at once; the poll finds the rest (another process's, retries come due,
    // leases run out), which can wait a few seconds, so an idle process does not claim every second.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailurePause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryBase = TimeSpan.FromSeconds(2);

    /// <summary>Works until cancelled, waiting for callbacks when there are none.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => WorkAsync(untilDrained: false, cancellationToken);

    /// <summary>Works until nothing is claimable (callbacks waiting for a retry time are left for later), then returns.</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => WorkAsync(untilDrained: true, cancellationToken);

    private async Task WorkAsync(bool untilDrained, CancellationToken cancellationToken)
    {
        if (index.Sources.Count == 0)
        {
            return;
        }

        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var claim = await queue.ClaimAsync(BatchSize, Lease, index.Sources, cancellationToken);
                if (claim.Records.Count == 0)
                {
                    if (untilDrained)
                    {
                        return;
                    }

                    await wakeup.WaitAsync(Poll, time, cancellationToken);
                    continue;
                }

                await WorkAsync(claim, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A worker loop never dies on one failure: what it held comes back when the lease ends.
                ProviderCallbackLog.ClaimFailed(logger, exception);
                await Task.Delay(FailurePause, time, CancellationToken.None);
            }
        }
    }

    private async Task WorkAsync(StagingClaim claim, CancellationToken cancellationToken)
    {
        var done = new List<ClaimedRecord>(claim.Records.Count);
        foreach (var record in claim.Records)
        {
            try
            {
                if (await processor.ProcessAsync(record, cancellationToken) is { } failure)
                {
                    await RetryOrDeadLetterAsync(claim.Token, record, failure, null);
                    continue;
                }

                done.Add(record);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: what is not done yet is given back at once, not when the lease runs out.
                await queue.DeleteAsync(claim.Token, done, CancellationToken.None);
                await queue.ReleaseAsync(claim.Token, [.. claim.Records.Except(done)], CancellationToken.None);
                throw;
            }
            catch (Exception exception)
            {
                // The exception's type only: its message may quote what the store was given.
                await RetryOrDeadLetterAsync(claim.Token, record, $"storing its answer failed ({exception.GetType().Name})", exception);
            }
        }

        await queue.DeleteAsync(claim.Token, done, CancellationToken.None);
    }

    private async Task RetryOrDeadLetterAsync(Guid token, ClaimedRecord record, string reason, Exception? exception)
    {
        var provider = index.FromSource(record.SourceSystem)?.Name ?? record.SourceSystem;
        if (record.Attempts >= MaxAttempts)
        {
            ProviderCallbackLog.DeadLettered(logger, provider, record.RecordId, record.Attempts, reason, exception);
            await deadLetters.AddAsync(
                new NewDeadLetter(ProviderCallbackDeadLetters.Kind, record.SourceSystem, record.RecordId, record.Payload, reason, record.Attempts, time.GetUtcNow()),
                CancellationToken.None);
            await queue.DeleteAsync(token, [record], CancellationToken.None);
            return;
        }

        ProviderCallbackLog.Failed(logger, provider, record.RecordId, record.Attempts, reason, exception);
        var delay = RetryBase * Math.Pow(2, record.Attempts - 1);
        await queue.DeferAsync(token, [record], time.GetUtcNow() + delay, countAttempt: true, CancellationToken.None);
    }
}
