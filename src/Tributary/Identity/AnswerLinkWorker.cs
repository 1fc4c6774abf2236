namespace Tributary.Host.Identity;

/// <summary>
/// Drains <see cref="AnswerLinks"/> into the identity graph: whatever is queued, up to <see cref="BatchSize"/>, linked
/// together by <see cref="AnswerLinker"/> (suppression, erasure turn, failures). On shutdown what is queued is linked if
/// it can be within <see cref="DrainTimeout"/>.
/// </summary>
internal sealed class AnswerLinkWorker(AnswerLinks queue, AnswerLinker linker, TimeProvider time, ILogger<AnswerLinkWorker> logger) : BackgroundService
{
    public const int BatchSize = 100;

    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    // Read but not yet linked: a batch cut short by shutdown is linked again by the drain (identify is idempotent).
    private readonly List<AnswerLink> _batch = new(BatchSize);
    private long _reportedDrops;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            await LinkQueuedAsync(stoppingToken);
            ReportDrops();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is { IsCompleted: false })
        {
            // The host's own shutdown timeout ran out while a batch was linking: the loop still owns the batch.
            return;
        }

        using var deadline = new CancellationTokenSource(DrainTimeout, time);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            while (await LinkQueuedAsync(drain.Token))
            {
            }
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            IdentityLog.AnswerLinksLeft(logger, _batch.Count + queue.Count);
        }

        ReportDrops();
    }

    /// <summary>Links one batch of what is queued; false when nothing was.</summary>
    private async Task<bool> LinkQueuedAsync(CancellationToken cancellationToken)
    {
        while (_batch.Count < BatchSize && queue.Reader.TryRead(out var answer))
        {
            _batch.Add(answer);
        }

        if (_batch.Count == 0)
        {
            return false;
        }

        await linker.LinkAsync(_batch, cancellationToken);
        _batch.Clear();
        return true;
    }

    private void ReportDrops()
    {
        var dropped = queue.Dropped;
        if (dropped > _reportedDrops)
        {
            IdentityLog.AnswerLinksDropped(logger, dropped - _reportedDrops, AnswerLinks.Capacity);
            _reportedDrops = dropped;
        }
    }
}
