using Tributary.Enrichment;
using Tributary.Host.Batch.Input;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;

namespace Tributary.Host.Batch;

/// <summary>
/// Totals of a run as rows are written: one writer adds, any thread reads (progress display), so every count is
/// read and written atomically.
/// </summary>
internal sealed class RunCounters(FlatFields fields)
{
    private readonly long[] _filled = new long[fields.All.Count];
    private readonly Dictionary<string, long> _providerFailures = new(StringComparer.Ordinal);
    private long _rows;
    private long _matched;
    private long _unmatched;
    private long _rejected;
    private long _failed;
    private long _partial;

    public long Rows => Interlocked.Read(ref _rows);

    public long Matched => Interlocked.Read(ref _matched);

    public long Unmatched => Interlocked.Read(ref _unmatched);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Rows some provider could not answer (their <c>partial</c> column is true), failed rows included.</summary>
    public long Partial => Interlocked.Read(ref _partial);

    /// <summary>How often each provider could not answer, as <c>clearbit: unauthorized</c> → rows, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ProviderFailures
    {
        get
        {
            lock (_providerFailures)
            {
                return [.. _providerFailures.OrderByDescending(static f => f.Value).ThenBy(static f => f.Key, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Rows that were enriched (not rejected).</summary>
    public long Enriched => Rows - Rejected;

    /// <summary>Matched rows among those enriched, 0–1.</summary>
    public double MatchRate => Enriched == 0 ? 0 : (double)Matched / Enriched;

    /// <summary>The flat fields whose fill rate is counted.</summary>
    public IReadOnlyList<FlatField> Fields => fields.All;

    /// <summary>Share of enriched rows with a value for <see cref="Fields"/>[<paramref name="field"/>], 0–1.</summary>
    public double FillRate(int field) => Enriched == 0 ? 0 : (double)Interlocked.Read(ref _filled[field]) / Enriched;

    public void Add(in EnrichedRecord<InputRow> row)
    {
        Interlocked.Increment(ref _rows);
        switch (row.Outcome)
        {
            case Storage.RecordOutcome.Matched:
                Interlocked.Increment(ref _matched);
                break;
            case Storage.RecordOutcome.Unmatched:
                Interlocked.Increment(ref _unmatched);
                break;
            case Storage.RecordOutcome.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            default:
                Interlocked.Increment(ref _failed);
                break;
        }

        CountProviderFailures(row.Result);
        if (row.Flat is not { } flat)
        {
            return;
        }

        if (flat.Partial)
        {
            Interlocked.Increment(ref _partial);
        }

        for (var i = 0; i < _filled.Length; i++)
        {
            if (fields.All[i].IsFilled(flat.Profile))
            {
                Interlocked.Increment(ref _filled[i]);
            }
        }
    }

    private void CountProviderFailures(EnrichmentResult? result)
    {
        if (result is null)
        {
            return;
        }

        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Status.IsFailure())
            {
                var key = $"{outcome.Provider}: {outcome.Status.ToWire()}";
                lock (_providerFailures)
                {
                    _providerFailures[key] = _providerFailures.GetValueOrDefault(key) + 1;
                }
            }
        }
    }
}
