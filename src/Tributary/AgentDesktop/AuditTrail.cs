using System.Threading.Channels;
using Tributary.Storage;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// Writes audit rows behind the requests that cause them: a profile read queues its row and returns, and the rows are
/// appended in one transaction per batch, so auditing every read costs a cached read no store round trip. The queue is
/// bounded (a read waits when the store falls this far behind); <see cref="FlushAsync"/> makes everything queued so far
/// durable (before <c>GET /v1/audit</c> answers, and on shutdown). A failed batch is logged and tried again.
/// </summary>
internal sealed class AuditTrail(IAuditLog log, TimeProvider time, ILogger<AuditTrail> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<AuditEntry> _queued = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<AuditEntry> _batch = new(BatchSize);

    public ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken) => _queued.Writer.WriteAsync(entry, cancellationToken);

    /// <summary>Appends every row queued before the call.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            do
            {
                // A batch left by a failed append goes first, so rows are written in the order they were read.
                while (_batch.Count < BatchSize && _queued.Reader.TryRead(out var entry))
                {
                    _batch.Add(entry);
                }

                if (_batch.Count == 0)
                {
                    return;
                }

                await log.AppendManyAsync(_batch, cancellationToken);
                _batch.Clear();
            }
            while (true);
        }
        finally
        {
            _writing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ProfileLog.AuditFailed(logger, exception, _batch.Count + _queued.Reader.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _queued.Reader.WaitToReadAsync(stoppingToken))
        {
            try
            {
                await FlushAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ProfileLog.AuditFailed(logger, exception, _batch.Count);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }
}
