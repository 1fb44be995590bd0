using System.Diagnostics;
using System.Globalization;
using DataQuality.Core.Datasets;
using DataQuality.Core.Profiling;

namespace DataQuality.Benchmarks;

/// <summary>
/// `dq profile` as a whole, cold process against DuckDB's SUMMARIZE as a whole, cold process, on 10M-row
/// files of several shapes written by DuckDB in the layouts an independent user would produce (DuckDB's
/// defaults: 122,880-row groups, Snappy; ZSTD; 1M-row groups). The in-process benchmark (<c>profile</c>)
/// measures a warm profiler; this one adds start-up, JIT, page faults and reading the file, as a user sees it.
/// <para>dq is the NativeAOT publish the linux-x64 tool package ships (<c>DQ_BENCH_DQ</c> names a published <c>dq</c>;
/// otherwise it is published into the work directory once). SUMMARIZE runs in this benchmark's own executable
/// started with <c>--summarize-child FILE</c>: a DuckDB.NET connection, default threads, the query read to the
/// end, its own start-up included (see <see cref="SummarizeChild"/>).</para>
/// </summary>
public sealed class ProfileColdBenchmark : IBenchmark
{
    public string Name => "profile-cold";

    public string Description => "dq profile as a cold process vs DuckDB SUMMARIZE as a cold process, 10M rows, 6 shapes x 3 layouts";

    /// <summary>Column expressions over <c>range(rows) t(i)</c>; random() draws are seeded per file.</summary>
    private static readonly (string Name, string Select)[] Shapes =
    [
        ("double", "random() * 2e6 - 1e6 AS v"),
        ("timestamp", "TIMESTAMP '2000-01-01' + to_microseconds((random() * 788400000000000)::BIGINT) AS ts"),
        ("seqint", "i::BIGINT AS id"),
        ("hashint", "(hash(i) >> 1)::BIGINT AS k"),
        ("dictstr", "CASE WHEN random() < 0.1 THEN NULL ELSE 'category_' || (random() * 200)::INT END AS s"),
        ("mixed", """
            i::BIGINT AS id,
            random() * 1000 AS amount,
            CASE WHEN random() < 0.1 THEN NULL ELSE (random() * 100000)::INT END AS cust,
            CASE WHEN i % 17 = 0 THEN NULL ELSE ['new','paid','shipped','delivered','returned','cancelled'][1 + (i % 6)::INT] END AS status,
            TIMESTAMP '2024-01-01' + to_microseconds((random() * 31536000000000)::BIGINT) AS ts,
            (hash(i) >> 1)::BIGINT AS k2,
            random() * 2 - 1 AS f1,
            (i % 3)::INT AS small
            """),
    ];

    private static readonly (string Name, string CopyOptions)[] Layouts =
    [
        ("default", "FORMAT parquet"),
        ("zstd", "FORMAT parquet, COMPRESSION zstd"),
        ("rg1m", "FORMAT parquet, ROW_GROUP_SIZE 1000000"),
    ];

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows(10_000_000);
        var dq = Environment.GetEnvironmentVariable("DQ_BENCH_DQ") ?? Publish(context);
        // Runs per contender and file; alternating dq / SUMMARIZE so both see the same drift in machine load.
        var runs = int.TryParse(Environment.GetEnvironmentVariable("DQ_BENCH_RUNS"), out var r) && r > 0 ? r : 3;
        var shapeFilter = Environment.GetEnvironmentVariable("DQ_BENCH_SHAPES")?.Split(',');
        var layoutFilter = Environment.GetEnvironmentVariable("DQ_BENCH_LAYOUTS")?.Split(',');
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        context.Line($"dq: {dq}; SUMMARIZE: {self} --summarize-child; {runs} alternating runs each; medians");
        context.Line("| shape | layout | MiB | row groups | dq wall / user / sys | SUMMARIZE wall / user / sys | wall ratio | CPU ratio | in-process profile | dq peak RSS | load |");
        context.Line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (shape, select) in Shapes)
        {
            if (shapeFilter is not null && !shapeFilter.Contains(shape)) continue;
            foreach (var (layout, copy) in Layouts)
            {
                if (layoutFilter is not null && !layoutFilter.Contains(layout)) continue;
                var path = Generate(context, rows, shape, select, layout, copy);
                var dqRuns = new List<ProcessTimes>();
                var duckRuns = new List<ProcessTimes>();
                for (var i = 0; i < runs; i++)
                {
                    dqRuns.Add(TimeProcess(context, dq, $"profile -q {Quote(path)}"));
                    duckRuns.Add(TimeProcess(context, self, $"--summarize-child {Quote(path)}"));
                }
                var options = new ProfileOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
                await ParquetProfiler.ProfileAsync([path], options, null, cancellationToken);
                var inProcess = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await ParquetProfiler.ProfileAsync([path], options, null, cancellationToken);
                    inProcess.Add(clock.Elapsed.TotalSeconds);
                }
                GC.Collect();
                var d = ProcessTimes.Median(dqRuns);
                var s = ProcessTimes.Median(duckRuns);
                int groups;
                await using (var reader = await Parquet.ParquetReader.CreateAsync(path, cancellationToken: cancellationToken)) groups = reader.RowGroupCount;
                context.Line(string.Create(CultureInfo.InvariantCulture,
                    $"| {shape} | {layout} | {new FileInfo(path).Length / 1048576.0:F0} | {groups} | {d.Wall:F2} / {d.User:F2} / {d.Sys:F2} s | {s.Wall:F2} / {s.User:F2} / {s.Sys:F2} s | **{s.Wall / d.Wall:F1}x** | {s.Cpu / d.Cpu:F1}x | {inProcess.Order().ElementAt(1):F2} s | {d.MaxRssKb / 1024} MiB | {BenchContext.LoadAverage()} |"));
            }
        }
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Generate(BenchContext context, long rows, string shape, string select, string layout, string copy)
    {
        var path = Path.Combine(context.WorkDirectory, $"cold-{shape}-{layout}-{rows}.parquet");
        if (File.Exists(path)) return path;
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 2 });
        db.Execute("SELECT setseed(0.5)");
        db.Execute(string.Create(CultureInfo.InvariantCulture,
            $"COPY (SELECT {select} FROM range({rows}) t(i)) TO {SqlText.Literal(path + ".tmp")} ({copy})"));
        File.Move(path + ".tmp", path);
        return path;
    }

    /// <summary>The tool as the linux-x64 package ships it: a NativeAOT publish of the CLI (README, "Install dq").</summary>
    private static string Publish(BenchContext context)
    {
        var output = Path.Combine(context.WorkDirectory, "dq-aot");
        var dq = Path.Combine(output, "dq");
        var cli = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/DataQuality.Cli"));
        context.Line($"publishing {cli} (NativeAOT) to {output}");
        using var process = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", cli, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-v", "q", "-clp:ErrorsOnly"]))!;
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(dq)) throw new InvalidOperationException("dotnet publish of the CLI failed");
        return dq;
    }

    /// <summary>Runs one command under /usr/bin/time, output discarded, and reads wall, user, sys and peak RSS.</summary>
    private static ProcessTimes TimeProcess(BenchContext context, string exe, string arguments)
    {
        var timeFile = Path.Combine(context.WorkDirectory, "time.txt");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh",
            ["-c", $"/usr/bin/time -f '%e %U %S %M' -o {Quote(timeFile)} {Quote(exe)} {arguments} > /dev/null"]))!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{exe} {arguments} exited with {process.ExitCode}");
        var f = File.ReadAllLines(timeFile).Last().Split(' ');
        return new ProcessTimes(D(f[0]), D(f[1]), D(f[2]), long.Parse(f[3], CultureInfo.InvariantCulture));
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }

    private sealed record ProcessTimes(double Wall, double User, double Sys, long MaxRssKb)
    {
        public double Cpu => User + Sys;

        /// <summary>Median of each figure separately (runs are few; one slow run must not pick the row).</summary>
        public static ProcessTimes Median(List<ProcessTimes> runs)
        {
            double M(Func<ProcessTimes, double> f) => runs.Select(f).Order().ElementAt(runs.Count / 2);
            return new ProcessTimes(M(t => t.Wall), M(t => t.User), M(t => t.Sys), (long)M(t => t.MaxRssKb));
        }
    }
}
