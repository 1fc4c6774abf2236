using System.Diagnostics;
using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>Peak resident set size of a child process, from Linux's /proc/&lt;pid&gt;/status (VmHWM), polled while it runs.</summary>
internal sealed class PeakMemory
{
    private long _peakKb;

    public double PeakMegabytes => Interlocked.Read(ref _peakKb) / 1024.0;

    public async Task WatchAsync(Process process)
    {
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync($"/proc/{process.Id}/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kb = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                        if (kb > Interlocked.Read(ref _peakKb))
                        {
                            Interlocked.Exchange(ref _peakKb, kb);
                        }
                    }
                }
            }
            catch (IOException)
            {
                // The process ended between the check and the read.
            }

            await Task.Delay(100);
        }
    }
}
