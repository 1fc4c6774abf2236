using Tributary.Host.Batch.Input;
using Tributary.Host.BatchPump;

namespace Tributary.Host.Batch.Output;

/// <summary>Where enriched rows go, in input order, one at a time.</summary>
internal interface IRowSink : IAsyncDisposable
{
    ValueTask WriteAsync(EnrichedRecord<InputRow> row, CancellationToken cancellationToken);

    /// <summary>Writes whatever is buffered; the file is complete after this.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
