using System.Text.Json.Nodes;
using DataQuality.Core.History;

namespace DataQuality.Benchmarks;

/// <summary>
/// Metric history in a local folder: appending runs (20 checks each) one at a time and from 8 concurrent
/// writers (the file lock serialises them), and loading the whole series back for one dataset, as a
/// validation with history thresholds does before its scan. 5,000 runs at scale 1.
/// </summary>
public sealed class HistoryBenchmark : IBenchmark
{
    public string Name => "history";

    public string Description => "append 5,000 runs (20 checks each) to a local history, concurrently from 8 writers, and load them back";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var runs = (int)Math.Max(200, 5000 * context.Scale);
        var dir = Path.Combine(context.WorkDirectory, "history-bench");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        using var store = new LocalHistoryStore(dir);

        var sequential = await context.MeasureAsync($"append {runs} runs, one writer", async () =>
        {
            for (var i = 0; i < runs; i++) await store.AppendAsync(Run("seq", i), cancellationToken);
        }, repeats: 1, warmUp: false);
        context.Line($"  {sequential.TotalMilliseconds * 1000 / runs:F0} µs per append (flush to disk included)");

        await context.MeasureAsync($"append {runs} runs, 8 concurrent writers", () =>
            Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                using var own = new LocalHistoryStore(dir);
                for (var i = w; i < runs; i += 8) await own.AppendAsync(Run("par", i), cancellationToken);
            }, cancellationToken))), repeats: 1, warmUp: false);

        var loaded = 0;
        await context.MeasureAsync($"load {runs} runs of one dataset", async () =>
        {
            var history = await MetricHistory.LoadAsync(store, "seq", cancellationToken);
            loaded = history.Runs.Count;
            _ = history.Last("m0", 10);
        });
        var par = (await store.ReadAsync("par", cancellationToken)).Count;
        context.Line($"  read back: {loaded} sequential, {par} concurrent runs (expected {runs} each); file {new FileInfo(store.FileFor("seq")).Length / 1024.0:F0} KiB");
        if (loaded != runs || par != runs) throw new InvalidOperationException("history lost runs");
    }

    private static HistoryRun Run(string dataset, int i)
    {
        var time = DateTime.UtcNow;
        var checks = Enumerable.Range(0, 20).Select(c => new HistoryCheck($"m{c}", "dq_metric_within_history", "amount", JsonValue.Create(i * 1.5 + c), 1000, 3, "passed")).ToList();
        return new HistoryRun(HistoryRun.NewRunId(time), time, HistoryRecorder.SuiteKind, "bench", dataset, checks);
    }
}
