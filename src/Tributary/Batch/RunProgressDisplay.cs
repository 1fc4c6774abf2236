using System.Globalization;
using Spectre.Console;
using Tributary.Host.BatchPump;

namespace Tributary.Host.Batch;

/// <summary>
/// Shows a run's progress until it ends: a Spectre.Console progress bar (rows, rate, ETA, matches, credits) on an
/// interactive terminal, otherwise one plain line every few seconds, which reads well in CI logs and redirected output.
/// Progress is measured in bytes of input read, so the ETA needs no first pass over the file.
/// </summary>
internal sealed class RunProgressDisplay(FileEnrichmentRun run, CreditTotals credits, TimeProvider time)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(250);

    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public async Task ShowUntilAsync(Task running, TextWriter output, decimal creditsBefore)
    {
        var started = time.GetTimestamp();
        if (IsInteractive(output))
        {
            await AnsiConsole.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("enriching", maxValue: run.InputLength);
                    while (!running.IsCompleted)
                    {
                        task.MaxValue = run.InputLength;
                        task.Value = run.InputWritten;
                        task.Description = Markup.Escape(await DescribeAsync(started, creditsBefore, withEta: false));
                        await Task.WhenAny(running, Task.Delay(BarInterval, time));
                    }

                    task.Description = Markup.Escape(await DescribeAsync(started, creditsBefore, withEta: false));
                    task.Value = task.MaxValue;
                });
            return;
        }

        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(PlainInterval, time));
            if (!running.IsCompleted)
            {
                await output.WriteLineAsync("enrich: " + await DescribeAsync(started, creditsBefore, withEta: true));
                await output.FlushAsync();
            }
        }
    }

    private async Task<string> DescribeAsync(long started, decimal creditsBefore, bool withEta)
    {
        var elapsed = time.GetElapsedTime(started);
        var counters = run.Counters;
        var rate = elapsed.TotalSeconds > 0 ? counters.Rows / elapsed.TotalSeconds : 0;
        var spent = await credits.TotalAsync(CancellationToken.None) - creditsBefore;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{counters.Rows:N0} rows, {rate:N0}/s, {counters.Matched:N0} matched, {counters.Rejected:N0} rejected, {spent:0.##} credits");
        if (!withEta)
        {
            return text;
        }

        var done = (double)run.InputWritten / run.InputLength;
        var eta = done > 0.01 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - done) / done) : (TimeSpan?)null;
        return string.Create(CultureInfo.InvariantCulture, $"{done:P0} of the input, {text}, ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown")}");
    }
}
