using System.Runtime.InteropServices;

namespace Tributary.Benchmarks;

/// <summary>
/// CPU time used by this process's finished children (getrusage RUSAGE_CHILDREN). A child's own figure is the
/// difference across its run: once it has exited, /proc no longer has it, so Process.TotalProcessorTime cannot tell.
/// </summary>
internal static partial class ChildCpu
{
    private const int ResourceUsageChildren = -1;

    public static TimeSpan Total()
    {
        if (GetResourceUsage(ResourceUsageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        return TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds) + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this run does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public Unused Rest;
    }

    [StructLayout(LayoutKind.Sequential, Size = 14 * sizeof(long))]
    private struct Unused;
}
