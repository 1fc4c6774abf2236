using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Tributary.Diagnostics;
using Tributary.Enrichment;

namespace Tributary.Host.Identity;

/// <summary>
/// The queue between real-time answers and the identity graph (<c>Identity:LinkOnEnrich</c>): an answer is offered
/// with a non-blocking write and linked later by <see cref="AnswerLinkWorker"/>, so a caller never waits for the graph.
/// Only fresh matches are offered (<see cref="AnswerLink.From"/>), so a cache hit does not link again.
/// Bounded: when the worker falls <see cref="Capacity"/> answers behind, new ones are dropped and counted
/// (<c>tributary_identity_links_dropped_total</c>, and a log line from the worker), never waited for.
/// </summary>
internal sealed class AnswerLinks
{
    public const int Capacity = 10_000;

    private readonly Channel<AnswerLink> _queue = Channel.CreateBounded<AnswerLink>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly bool _enabled;
    private readonly Counter<long> _droppedCounter;
    private long _dropped;

    public AnswerLinks(IOptions<IdentityOptions> options, EnrichmentMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _enabled = options.Value.LinkOnEnrich;
        _droppedCounter = metrics.Meter.CreateCounter<long>(
            "tributary_identity_links_dropped", description: "Enrichment answers not linked into the identity graph because its queue was full.");
    }

    /// <summary>Answers dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Answers waiting to be linked.</summary>
    public int Count => _queue.Reader.Count;

    internal ChannelReader<AnswerLink> Reader => _queue.Reader;

    /// <summary>
    /// Queues a person answer for linking when it is worth it (<see cref="AnswerLink.From"/>); never waits. True when it was queued.
    /// </summary>
    public bool Offer(EnrichmentRequest request, EnrichmentResult result)
    {
        if (!_enabled || AnswerLink.From(request, result) is not { } link)
        {
            return false;
        }

        if (_queue.Writer.TryWrite(link))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1);
        return false;
    }

    /// <summary>No more offers (shutdown): what is queued is drained, later offers are dropped.</summary>
    internal void Complete() => _queue.Writer.TryComplete();
}
