namespace DataQuality.Core.Benchmarking;

/// <summary>One pipeline run of a branch, as measured by <see cref="PipelineProcess"/>.</summary>
public sealed record RunMeasurement(
    string Label, int Iteration, bool WarmUp, double WallSeconds, double CpuSeconds, long PeakRssBytes, int ExitCode, bool TimedOut, string StderrTail)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}

/// <summary>Runtime of one branch over its measured runs (warm-ups excluded).</summary>
public sealed record RuntimeSummary(int Runs, int Succeeded, double P50, double P95, double Min, double Max, double CpuP50, long PeakRssMax, double? CostPerRun)
{
    public double SuccessRate => Runs == 0 ? 0 : (double)Succeeded / Runs;

    /// <summary>
    /// Percentiles of the successful runs' wall time by linear interpolation between closest ranks (numpy's
    /// default): with n runs the p-th percentile is at rank (n-1)p. With fewer than 5 runs p95 is little
    /// more than the maximum; docs/bench.md says why 5 or more.
    /// </summary>
    public static RuntimeSummary Of(IEnumerable<RunMeasurement> runs, double? hourlyRate)
    {
        var measured = runs.Where(r => !r.WarmUp).ToList();
        var ok = measured.Where(r => r.Succeeded).ToList();
        var wall = ok.Select(r => r.WallSeconds).Order().ToArray();
        var cpu = ok.Select(r => r.CpuSeconds).Order().ToArray();
        var p50 = Percentile(wall, 0.5);
        return new RuntimeSummary(
            measured.Count, ok.Count, p50, Percentile(wall, 0.95),
            wall.Length > 0 ? wall[0] : double.NaN, wall.Length > 0 ? wall[^1] : double.NaN,
            Percentile(cpu, 0.5), ok.Count > 0 ? ok.Max(r => r.PeakRssBytes) : 0,
            hourlyRate is { } rate && double.IsFinite(p50) ? p50 / 3600 * rate : null);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
