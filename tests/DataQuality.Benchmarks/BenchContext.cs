using System.Diagnostics;
using System.Globalization;

namespace DataQuality.Benchmarks;

/// <summary>Where a benchmark keeps its generated data, how big it should be, and how it reports.</summary>
public sealed class BenchContext
{
    public BenchContext(string workDirectory, double scale, TextWriter output)
    {
        WorkDirectory = workDirectory;
        Scale = scale;
        Output = output;
        Directory.CreateDirectory(workDirectory);
    }

    /// <summary>Generated inputs live here and are reused across runs (delete to regenerate).</summary>
    public string WorkDirectory { get; }

    /// <summary>1.0 = the sizes the issues specify (e.g. 10M rows); <c>--scale 0.01</c> for a quick smoke run.</summary>
    public double Scale { get; }

    public TextWriter Output { get; }

    public long Rows(long fullSize) => Math.Max(1000, (long)(fullSize * Scale));

    /// <summary>Runs <paramref name="action"/> <paramref name="repeats"/> times after one warm-up (unless <paramref name="warmUp"/> is false: full-size runs that take minutes) and returns the median.</summary>
    public async Task<TimeSpan> MeasureAsync(string label, Func<Task> action, int repeats = 3, bool warmUp = true)
    {
        if (warmUp) await action().ConfigureAwait(false);
        var times = new List<TimeSpan>();
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            await action().ConfigureAwait(false);
            times.Add(sw.Elapsed);
        }
        times.Sort();
        var median = times[times.Count / 2];
        Report(label, median, $"min {Ms(times[0])}, max {Ms(times[^1])}, n={repeats}");
        return median;
    }

    public void Report(string label, TimeSpan elapsed, string? detail = null) =>
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-48} {Ms(elapsed),12}{(detail is null ? "" : "  " + detail)}"));

    public void Line(string text) => Output.WriteLine(text);

    public static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:F0} ms");

    /// <summary>The 1/5/15-minute load averages, printed with figures so a reader knows whether the machine was shared.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Peak working set of this process so far, in MiB.</summary>
    public static double PeakWorkingSetMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
}
