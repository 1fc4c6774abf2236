using Tributary.Identifiers;
using Tributary.Privacy;

namespace Tributary.Host.Identity;

/// <summary>
/// Drains <see cref="AnswerLinks"/> into the identity graph: whatever is queued, up to <see cref="BatchSize"/>, in one
/// identify transaction, as the pipeline links its records. A subject forgotten since it was answered is not linked.
/// A batch that fails is tried one answer at a time, and an answer that still fails is logged (hashed identifiers only)
/// and dropped: links are a by-product of enrichment, never worth a retry loop. On shutdown what is queued is linked if
/// it can be within <see cref="DrainTimeout"/>. A batch holds an <see cref="ErasureTurns"/> turn from its suppression
/// checks to its commit, so an erasure never lands between the two.
/// </summary>
internal sealed class AnswerLinkWorker(
    AnswerLinks queue,
    EnrichmentLinks links,
    SuppressionList suppression,
    ErasureTurns erasures,
    IdentifierHasher hasher,
    TimeProvider time,
    ILogger<AnswerLinkWorker> logger) : BackgroundService
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

        try
        {
            await LinkAsync(_batch, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && _batch.Count > 1)
        {
            // One answer the graph refuses must not cost the others their links.
            foreach (var answer in _batch)
            {
                try
                {
                    await LinkAsync([answer], cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    Failed(answer, exception);
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(_batch[0], exception);
        }

        _batch.Clear();
        return true;
    }

    private async Task LinkAsync(List<AnswerLink> answers, CancellationToken cancellationToken)
    {
        using var turn = await erasures.TakeAsync(cancellationToken);
        var linkable = new List<AnswerLink>(answers.Count);
        foreach (var answer in answers)
        {
            if (!await suppression.IsSuppressedAsync(new IdentifierSet { Email = answer.Email, Phone = answer.Phone }, cancellationToken))
            {
                linkable.Add(answer);
            }
        }

        await links.LinkAnswersAsync(linkable, cancellationToken);
    }

    private void Failed(AnswerLink answer, Exception exception) =>
        IdentityLog.AnswerLinkFailed(logger, exception, Hash(answer.Email), Hash(answer.Phone));

    private void ReportDrops()
    {
        var dropped = queue.Dropped;
        if (dropped > _reportedDrops)
        {
            IdentityLog.AnswerLinksDropped(logger, dropped - _reportedDrops, AnswerLinks.Capacity);
            _reportedDrops = dropped;
        }
    }

    private string Hash(string? value) => value is null ? "none" : hasher.Hash(value);
}
