using System.Globalization;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>What a corpus run covered, for its closing line: files, rows by expectation and by kind, rejects.</summary>
internal sealed class FuzzTotals
{
    private readonly Dictionary<string, int> _kinds = [];
    private int _files;
    private int _unusable;
    private int _rows;
    private int _good;
    private int _rejected;
    private int _enriched;
    private long _bytes;

    public void Add(FuzzFile file, int rejected, int enriched)
    {
        lock (_kinds)
        {
            _files++;
            _unusable += file.Usable ? 0 : 1;
            _rows += file.Rows.Count;
            _good += file.Rows.Count(r => r.Expectation == RowExpectation.Enriched);
            _rejected += rejected;
            _enriched += enriched;
            _bytes += file.Content.Length;
            foreach (var row in file.Rows)
            {
                _kinds[row.Kind] = _kinds.GetValueOrDefault(row.Kind) + 1;
            }
        }
    }

    public string Describe(TimeSpan elapsed)
    {
        lock (_kinds)
        {
            var kinds = string.Join(", ", _kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"hostile files: {_files} files ({_unusable} with nothing to enrich), {_rows} rows ({_good} good, {_rows - _good} hostile), {_bytes / 1024.0 / 1024.0:0.0} MiB, {_enriched} enriched, {_rejected} rejected with a reason, 0 crashes, in {elapsed.TotalSeconds:0} s; rows by kind: {kinds}");
        }
    }
}
