using System.Reflection;
using System.Text;
using System.Text.Json;
using DataQuality.Core.Comparison;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// <c>dq bench run</c> (docs/bench.md): runs a pipeline on two branches, strictly one after the other, into
/// one fixed partition; snapshots each run into the bench namespace; compares the snapshots; measures
/// runtime. Only the target partition of the chosen layers under the outputs, and the bench's own folder
/// in the namespace, are ever deleted or written.
/// </summary>
public sealed class BenchRunner(S3StorageOptions? s3 = null, TextWriter? log = null)
{
    private readonly TextWriter _log = log ?? TextWriter.Null;

    public async Task<BenchResult> RunAsync(BenchRequest request, CancellationToken cancellationToken)
    {
        BenchGuards.Check(request);
        var outputs = StorageUri.Parse(request.Outputs);
        var ns = StorageUri.Parse(request.Namespace);
        var outputStore = StorageFactory.StoreFor(outputs, s3);
        var nsStore = StorageFactory.StoreFor(ns, s3);
        try
        {
            var git = await GitWorktrees.OpenAsync(request.Repository, cancellationToken).ConfigureAwait(false);
            var baseBranch = await git.ResolveAsync("base", request.BaseBranch, cancellationToken).ConfigureAwait(false);
            var headBranch = await git.ResolveAsync("head", request.HeadBranch, cancellationToken).ConfigureAwait(false);
            RunCommandTemplate.Check(request.RunCommand, RunCommandTemplate.Values(request, baseBranch).Keys);

            var now = request.Clock.GetUtcNow();
            var context = new BenchContext
            {
                BenchId = BenchContext.NewId(now, request.Client, request.Partition),
                StartedAt = now,
                Client = request.Client,
                Env = request.Env,
                Partition = request.Partition,
                Outputs = outputs.ToString(),
                Namespace = ns.ToString(),
                Layout = request.Layout.Pattern,
                Layers = request.Layers,
                Command = request.RunCommand,
                Base = baseBranch,
                Head = headBranch,
                Repeat = request.Repeat,
                DqVersion = typeof(BenchRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
                Cores = Environment.ProcessorCount,
                MemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            };
            var checkpoint = BenchCheckpoint.Start(request.Restore);
            if (request.ResumeId is { } resumeId)
            {
                // Resume: the bench's own id and start, and only if it is the same bench (branches at the same
                // commits, same command, partition and options); anything else would mix two benches' runs.
                var stored = (await new BenchNamespace(nsStore, ns).GetAsync(resumeId, cancellationToken).ConfigureAwait(false)).Context;
                checkpoint = await BenchCheckpoint.LoadAsync(new BenchNamespace(nsStore, ns), resumeId, cancellationToken).ConfigureAwait(false);
                context = context with { BenchId = resumeId, StartedAt = stored.StartedAt, DqVersion = stored.DqVersion, Cores = stored.Cores, MemoryBytes = stored.MemoryBytes };
                if (checkpoint.Mismatches(stored, context, request.Restore) is { Count: > 0 } differences)
                    throw new InputException(BenchErrors.ResumeMismatch,
                        $"--resume {resumeId}: these arguments are not the ones the bench was started with, so its completed runs cannot be reused: {string.Join("; ", differences)}. Resume with the original arguments, or start a new bench.",
                        new SourceLocation(ns.Append(resumeId).Append("manifest.json").ToString()));
            }
            await git.CheckoutAsync(baseBranch, cancellationToken).ConfigureAwait(false);
            await git.CheckoutAsync(headBranch, cancellationToken).ConfigureAwait(false);
            // Ids have one-second resolution: a second bench started within the same second (same client and
            // partition) must not overwrite the first one's folder, so it gets the next free suffix.
            for (var n = 2; request.ResumeId is null && await ExistsAsync(nsStore, ns.Append(context.BenchId).Append("manifest.json"), cancellationToken).ConfigureAwait(false); n++)
                context = context with { BenchId = $"{BenchContext.NewId(now, request.Client, request.Partition)}-{n}" };
            var benchRoot = ns.Append(context.BenchId);
            await using var benchLock = await BenchLock.AcquireAsync(nsStore, ns, context.Outputs, request.Partition, context.BenchId, now, request.ResumeId, cancellationToken).ConfigureAwait(false);
            if (request.ResumeId is null)
            {
                await PutJsonAsync(nsStore, benchRoot.Append("manifest.json"), context.Write, cancellationToken).ConfigureAwait(false);
                await checkpoint.SaveAsync(nsStore, benchRoot, cancellationToken).ConfigureAwait(false);
            }
            _log.WriteLine($"dq bench: {context.BenchId}: base {baseBranch.Branch} @ {baseBranch.Commit[..Math.Min(12, baseBranch.Commit.Length)]}, head {headBranch.Branch} @ {headBranch.Commit[..Math.Min(12, headBranch.Commit.Length)]}"
                + (request.ResumeId is null ? "" : $" (resumed; done: {(checkpoint.Steps.Count == 0 ? "nothing" : checkpoint.ToString())})"));

            async Task CompleteAsync(string step, RunMeasurement? run = null)
            {
                checkpoint = checkpoint.With(step, run);
                await checkpoint.SaveAsync(nsStore, benchRoot, cancellationToken).ConfigureAwait(false);
            }

            var scope = new PartitionScope(request.Partition, request.Layers, request.Layout);
            if (!checkpoint.Done(BenchCheckpoint.PreBenchmarkStep))
            {
                var before = await PartitionSnapshot.CopyAsync(scope, outputStore, outputs, nsStore, benchRoot.Append("pre-benchmark"), cancellationToken).ConfigureAwait(false);
                // Checksums cost a read of the whole partition: only --restore verifies against them.
                if (request.Restore) checkpoint = checkpoint with { PreBenchmark = await PartitionSnapshot.FingerprintAsync(before, cancellationToken).ConfigureAwait(false) };
                await CompleteAsync(BenchCheckpoint.PreBenchmarkStep).ConfigureAwait(false);
                _log.WriteLine($"dq bench: pre-benchmark snapshot: {before.Count} object(s) of [{string.Join(", ", request.Partition)}]");
            }

            RestoreOutcome? restored = null;
            var logs = Path.Combine(git.Root, GitWorktrees.Folder, ".bench", context.BenchId);
            string? awaitingSnapshot = null;
            try
            {
                foreach (var (branch, iteration, warmUp, last) in Schedule(baseBranch, headBranch, request.Repeat))
                {
                    var runStep = BenchCheckpoint.RunStep(branch.Label, iteration, warmUp);
                    var snapshotStep = BenchCheckpoint.SnapshotStep(branch.Label);
                    if (checkpoint.Done(runStep))
                        _log.WriteLine($"dq bench: {branch.Label} {(warmUp ? "warm-up" : $"run {iteration}")}: done before the interruption, skipped");
                    else
                    {
                        var purged = await scope.PurgeAsync(outputStore, outputs, cancellationToken).ConfigureAwait(false);
                        var command = RunCommandTemplate.Expand(request.RunCommand, RunCommandTemplate.Values(request, branch));
                        var env = new Dictionary<string, string> { ["DQ_BENCH_ID"] = context.BenchId, ["DQ_BENCH_LABEL"] = branch.Label };
                        _log.WriteLine($"dq bench: {branch.Label} ({branch.Branch}) {(warmUp ? "warm-up" : $"run {iteration}")}: purged {purged} object(s), running");
                        var run = await PipelineProcess.RunAsync(branch.Label, iteration, warmUp, command, branch.Worktree, logs, env, request.RunTimeout, cancellationToken).ConfigureAwait(false);
                        _log.WriteLine($"dq bench: {branch.Label} {(warmUp ? "warm-up" : $"run {iteration}")}: exit {run.ExitCode}{(run.TimedOut ? " (timed out)" : "")}, {run.WallSeconds:0.00} s wall, {run.CpuSeconds:0.00} s CPU");
                        await CompleteAsync(runStep, run).ConfigureAwait(false);
                    }
                    if (!last || checkpoint.Done(snapshotStep)) continue;
                    awaitingSnapshot = runStep;
                    var kept = await PartitionSnapshot.CopyAsync(scope, outputStore, outputs, nsStore, benchRoot.Append(branch.Label), cancellationToken).ConfigureAwait(false);
                    var succeeded = checkpoint.Runs.Last(r => r.Label == branch.Label).Succeeded;
                    if (kept.Count == 0 && succeeded)
                        throw new InputException(BenchErrors.NothingWritten,
                            $"The {branch.Label} branch ({branch.Branch}) ran successfully but wrote nothing into [{string.Join(", ", request.Partition)}] under {outputs}{(request.Layers.Count > 0 ? $" (layers {string.Join(",", request.Layers)})" : "")}: check --outputs, --partition, --layout and that the command uses {{outputs}} and the partition placeholders. Its logs: {logs}",
                            new SourceLocation(outputs.ToString()));
                    await CompleteAsync(snapshotStep).ConfigureAwait(false);
                    awaitingSnapshot = null;
                }
            }
            finally
            {
                await UploadLogsAsync(nsStore, benchRoot, logs, cancellationToken).ConfigureAwait(false);
                if (request.Restore)
                {
                    // The restore overwrites the run whose snapshot was not taken yet: a resume must run it again.
                    if (awaitingSnapshot is not null)
                    {
                        checkpoint = checkpoint.Without(awaitingSnapshot);
                        await checkpoint.SaveAsync(nsStore, benchRoot, CancellationToken.None).ConfigureAwait(false);
                    }
                    restored = await RestoreAsync(scope, nsStore, benchRoot.Append("pre-benchmark"), outputStore, outputs, checkpoint.PreBenchmark, CancellationToken.None).ConfigureAwait(false);
                    _log.WriteLine($"dq bench: restored {restored.Objects} object(s): {(restored.Identical ? "byte-identical to the pre-benchmark snapshot" : "DIFFERENT from the pre-benchmark snapshot")}");
                }
            }
            if (restored is { Identical: false })
                throw new InputException(BenchErrors.RestoreMismatch, $"The restored partition differs from the pre-benchmark snapshot: {string.Join("; ", restored.Differences.Take(10))}", new SourceLocation(outputs.ToString()));

            var runs = Schedule(baseBranch, headBranch, request.Repeat)
                .Select(s => checkpoint.Steps.First(c => c.Name == BenchCheckpoint.RunStep(s.Branch.Label, s.Iteration, s.WarmUp)).Run!).ToList();
            ComparisonReport? comparison = null;
            if (runs.Where(r => !r.WarmUp).GroupBy(r => r.Label).All(g => g.Last().Succeeded))
                comparison = await CompareAsync(benchRoot, request.Comparison with { Layout = request.Layout }, cancellationToken).ConfigureAwait(false);
            var result = new BenchResult(context, runs, RuntimeSummary.Of(runs.Where(r => r.Label == "base"), request.HourlyRate),
                RuntimeSummary.Of(runs.Where(r => r.Label == "head"), request.HourlyRate), comparison, restored);
            await nsStore.PutAsync(benchRoot.Append("result.json"), Encoding.UTF8.GetBytes(BenchJson.Render(result)), cancellationToken).ConfigureAwait(false);
            await nsStore.PutAsync(benchRoot.Append("runtime.svg"), Encoding.UTF8.GetBytes(RuntimeChart.Svg(result)), cancellationToken).ConfigureAwait(false);
            await nsStore.PutAsync(benchRoot.Append("report.md"), Encoding.UTF8.GetBytes(BenchMarkdown.Render(result)), cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            (outputStore as IDisposable)?.Dispose();
            if (!ReferenceEquals(outputStore, nsStore)) (nsStore as IDisposable)?.Dispose();
        }
    }

    /// <summary>Re-runs the comparison of a finished bench's snapshots with other options; no pipeline run.</summary>
    public async Task<ComparisonReport> CompareAsync(StorageUri benchRoot, ComparisonOptions options, CancellationToken cancellationToken)
    {
        using var lister = new S3TreeLister(s3 ?? S3StorageOptions.FromEnvironment());
        _log.WriteLine("dq bench: comparing base and head snapshots");
        return await new TreeComparer([lister, LocalTreeLister.Instance])
            .CompareAsync(benchRoot.Append("base").ToString(), benchRoot.Append("head").ToString(), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// base then head; with repeat N: a warm-up each, then N runs alternating base/head, so drift of the
    /// machine over time (caches, thermal, neighbours) falls on both branches alike.
    /// </summary>
    public static IEnumerable<(BranchCheckout Branch, int Iteration, bool WarmUp, bool Last)> Schedule(BranchCheckout baseBranch, BranchCheckout headBranch, int repeat)
    {
        if (repeat == 0)
        {
            yield return (baseBranch, 1, false, true);
            yield return (headBranch, 1, false, true);
            yield break;
        }
        yield return (baseBranch, 0, true, false);
        yield return (headBranch, 0, true, false);
        for (var i = 1; i <= repeat; i++)
        {
            yield return (baseBranch, i, false, i == repeat);
            yield return (headBranch, i, false, i == repeat);
        }
    }

    /// <summary>Puts the pre-benchmark snapshot back (only into the target partition) and verifies sizes and checksums.</summary>
    public static async Task<RestoreOutcome> RestoreAsync(
        PartitionScope scope, IObjectStore snapshotStore, StorageUri snapshot, IObjectStore outputStore, StorageUri outputs,
        IReadOnlyList<SnapshotEntry>? expected, CancellationToken cancellationToken)
    {
        var saved = await new PartitionScope([], [], TreeLayout.Default).ListAsync(snapshotStore, snapshot, cancellationToken).ConfigureAwait(false);
        if (saved.FirstOrDefault(o => !scope.Contains(o.RelativeKey)) is { } stray)
            throw new InputException(BenchErrors.RestoreMismatch, $"The snapshot holds {stray.RelativeKey}, outside the target partition; refusing to restore it over {outputs}.", new SourceLocation(snapshot.ToString()));
        await scope.PurgeAsync(outputStore, outputs, cancellationToken).ConfigureAwait(false);
        foreach (var item in saved)
            await StorageOperations.CopyAsync(snapshotStore, item.Object, outputStore, outputs.Append(item.RelativeKey), cancellationToken).ConfigureAwait(false);
        var now = await PartitionSnapshot.FingerprintAsync(await scope.ListAsync(outputStore, outputs, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var differences = new List<string>();
        // Without the fingerprint taken before the run (dq bench restore), verify against the snapshot itself:
        // checksums when both sides are the same kind of store (SHA-256 locally, ETags on S3), sizes otherwise.
        var sameKind = snapshot.IsS3 == outputs.IsS3;
        if (expected is null)
        {
            var snapshotPrint = await PartitionSnapshot.FingerprintAsync(saved, cancellationToken).ConfigureAwait(false);
            expected = sameKind ? snapshotPrint : snapshotPrint.Select(e => e with { Checksum = "" }).ToList();
            if (!sameKind) now = now.Select(e => e with { Checksum = "" }).ToList();
        }
        {
            var want = expected.ToDictionary(e => e.RelativeKey);
            var have = now.ToDictionary(e => e.RelativeKey);
            foreach (var e in expected)
                if (!have.TryGetValue(e.RelativeKey, out var h)) differences.Add($"{e.RelativeKey} missing");
                else if (h.Size != e.Size || h.Checksum != e.Checksum) differences.Add($"{e.RelativeKey} differs ({e.Size} -> {h.Size} bytes)");
            differences.AddRange(now.Where(h => !want.ContainsKey(h.RelativeKey)).Select(h => $"{h.RelativeKey} extra"));
        }
        return new RestoreOutcome(saved.Count, differences.Count == 0, differences);
    }

    private static async Task<bool> ExistsAsync(IObjectStore store, StorageUri uri, CancellationToken cancellationToken)
    {
        try
        {
            await store.HeadAsync(uri, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DataQualityException ex) when (ex.Code == StorageErrorCodes.NotFound)
        {
            return false;
        }
    }

    private static async Task UploadLogsAsync(IObjectStore store, StorageUri benchRoot, string logs, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(logs)) return;
        foreach (var file in Directory.EnumerateFiles(logs).Order(StringComparer.Ordinal))
            await store.UploadAsync(file, benchRoot.Append("logs/" + Path.GetFileName(file)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task PutJsonAsync(IObjectStore store, StorageUri uri, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            write(w);
        await store.PutAsync(uri, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
