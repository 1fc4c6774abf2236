using System.Globalization;

namespace Tributary.Host.Batch;

/// <summary>The end-of-run summary: counts, match rate, fill rate per field, credits and time.</summary>
internal static class RunSummary
{
    public static async Task WriteAsync(TextWriter output, FileRunReport report, string input)
    {
        var c = report.Counters;
        var rate = report.Elapsed.TotalSeconds > 0 ? c.Rows / report.Elapsed.TotalSeconds : 0;
        List<string> lines =
        [
            Text($"Enriched {Path.GetFileName(input)}: {c.Rows:N0} rows in {report.Elapsed:hh\\:mm\\:ss\\.f} ({rate:N0} rows/s)"),
            Text($"  matched    {c.Matched,10:N0}   match rate {c.MatchRate:P1} of rows enriched"),
            Text($"  unmatched  {c.Unmatched,10:N0}"),
            Text($"  rejected   {c.Rejected,10:N0}   see {report.Rejects}"),
            Text($"  failed     {c.Failed,10:N0}{(c.Failed > 0 ? "   providers could not answer; run again to retry them (done rows cost nothing)" : string.Empty)}"),
            Text($"  partial    {c.Partial,10:N0}{(c.Partial > 0 ? "   some provider could not answer (column partial); run again to ask it" : string.Empty)}"),
            Text($"  credits    {report.CreditsSpent,10:0.##}"),
            "  fill rate  " + string.Join(", ", c.Fields.Select((f, i) => Text($"{f.Name} {c.FillRate(i):P0}"))),
        ];
        lines.AddRange(c.ProviderFailures.Select(f => Text($"  {f.Key} in {f.Value:N0} rows")));
        lines.Add(Text($"Output: {report.Output}  (run {report.RunId})"));
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
