using System.Globalization;
using System.Runtime.InteropServices;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// Measures a process and everything it starts. CPU: the change in this process's RUSAGE_CHILDREN (user +
/// sys of every descendant reaped while the run lasted), which is exact for a shell and its children.
/// Peak memory: the largest sum of resident sets over the process tree, sampled from /proc every 100 ms
/// (a child that lives less than that can be missed), and at least the largest single descendant's
/// maximum that the kernel reports at exit. Linux only; elsewhere CPU falls back to the shell's own time.
/// </summary>
internal sealed partial class ProcessTreeMeter
{
    private readonly int _root;
    private long _peak;

    public ProcessTreeMeter(int rootPid) => _root = rootPid;

    public long PeakRssBytes => Interlocked.Read(ref _peak);

    public static (double CpuSeconds, long MaxRssBytes) ChildrenUsage()
    {
        if (!OperatingSystem.IsLinux() || getrusage(RusageChildren, out var usage) != 0) return (0, 0);
        var cpu = usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
        return (cpu, usage.MaxRssKilobytes * 1024);
    }

    /// <summary>Samples the tree until <paramref name="cancellationToken"/> fires (the run ended).</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var sum = TreeResidentBytes();
                long seen;
                do seen = Interlocked.Read(ref _peak);
                while (sum > seen && Interlocked.CompareExchange(ref _peak, sum, seen) != seen);
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Records a figure known from elsewhere (the kernel's per-child maximum) when it is larger.</summary>
    public void AtLeast(long bytes)
    {
        long seen;
        do seen = Interlocked.Read(ref _peak);
        while (bytes > seen && Interlocked.CompareExchange(ref _peak, bytes, seen) != seen);
    }

    private long TreeResidentBytes()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses; the last ')' ends it.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException) { }
        }
        long total = 0;
        foreach (var pid in parents.Keys)
        {
            if (!IsInTree(pid, parents)) continue;
            try
            {
                var statm = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
                total += long.Parse(statm[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { }
        }
        return total;
    }

    private bool IsInTree(int pid, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 64 && pid > 1; depth++)
        {
            if (pid == _root) return true;
            if (!parents.TryGetValue(pid, out pid)) return false;
        }
        return false;
    }

    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRssKilobytes;
        private readonly long _ixrss, _idrss, _isrss, _minflt, _majflt, _nswap, _inblock, _oublock, _msgsnd, _msgrcv, _nsignals, _nvcsw, _nivcsw;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
}
