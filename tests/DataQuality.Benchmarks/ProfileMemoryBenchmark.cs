using System.Diagnostics;
using System.Globalization;
using DataQuality.Core.Profiling;

namespace DataQuality.Benchmarks;

/// <summary>
/// Peak memory while profiling a ~2 GB Parquet file (same 8 columns, ~70M rows at scale 1). The peak
/// resident set is reset just before the scan (Linux /proc/self/clear_refs), so DuckDB's generation
/// work does not count; the figure is the profiler's own high-water mark.
/// </summary>
public sealed class ProfileMemoryBenchmark : IBenchmark
{
    public string Name => "profile-memory";

    public string Description => "Peak resident memory profiling a ~2 GB Parquet file (2 threads)";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(70_000_000);
        var path = ProfileBenchmark.Generate(context, rows, $"profile-memory-{rows}.parquet");
        var size = new FileInfo(path).Length;
        context.Line(string.Create(CultureInfo.InvariantCulture, $"file: {rows:N0} rows, {size / 1048576.0:F0} MiB"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var resetOk = ResetPeak();
        var before = ReadStatus("VmRSS");
        var clock = Stopwatch.StartNew();
        var profile = await ParquetProfiler.ProfileAsync([path], new ProfileOptions { MaxDegreeOfParallelism = 2 }, null, cancellationToken);
        clock.Stop();
        var peak = resetOk ? ReadStatus("VmHWM") : BenchContext.PeakWorkingSetMiB();
        context.Report("profile ~2 GB file (2 threads)", clock.Elapsed,
            string.Create(CultureInfo.InvariantCulture, $"{profile.RowCount:N0} rows; RSS before {before:F0} MiB, peak {peak:F0} MiB{(resetOk ? "" : " (peak not reset: whole-process figure)")}; GC max heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB"));
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double ReadStatus(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
                return double.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }
}
