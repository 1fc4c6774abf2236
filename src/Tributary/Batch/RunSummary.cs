using System.Globalization;

namespace Tributary.Host.Batch;

/// <summary>The end-of-run summary: counts, match rate, fill rate per field, credits and time.</summary>
internal static class RunSummary
{
    public static async Task WriteAsync(TextWriter output, FileRunReport report, string input)
    {
        var c = report.Counters;
        var rate = report.Elapsed.TotalSeconds > 0 ? c.Rows / report.Elapsed.TotalSeconds : 0;
        var lines = new List<string>
        {
            Text($"Enriched {Path.GetFileName(input)}: {c.Rows:N0} rows in {report.Elapsed:hh\\:mm\\:ss\\.f} ({rate:N0} rows/s)"),
            Text($"  matched    {c.Matched,10:N0}   match rate {c.MatchRate:P1} of rows enriched"),
            Text($"  unmatched  {c.Unmatched,10:N0}"),
            Text($"  rejected   {c.Rejected,10:N0}   see {report.Rejects}"),
            Text($"  failed     {c.Failed,10:N0}{(c.Failed > 0 ? "   providers could not answer; run again to retry them (done rows cost nothing)" : string.Empty)}"),
            Text($"  partial    {c.Partial,10:N0}{(c.Partial > 0 ? "   answered, but some provider could not (column partial); run again to ask it" : string.Empty)}"),
            Text($"  credits    {report.CreditsSpent,10:0.##}"),
            "  fill rate  " + string.Join(", ", c.Fields.Select((f, i) => Text($"{f.Name} {c.FillRate(i):P0}"))),
            Text($"Output: {report.Output}  (run {report.RunId})"),
        };
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
