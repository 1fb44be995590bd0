using System.Globalization;
using System.Text;
using System.Text.Json;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// <c>&lt;bench id&gt;/checkpoint.json</c>: the steps of a bench run that completed (the pre-benchmark snapshot,
/// each run with its measurement, each branch's snapshot), rewritten whole after every step so
/// <c>dq bench run --resume ID</c> skips them. A snapshot step is recorded only after its copy was verified,
/// so a snapshot cut off half-way is not in the checkpoint and is taken again. The PUT of a whole object is
/// atomic on S3, and the local store writes a temp file and renames it: a reader sees the old checkpoint or
/// the new one, never half of one.
/// </summary>
public sealed record BenchCheckpoint(bool Restore, IReadOnlyList<CheckpointStep> Steps, IReadOnlyList<SnapshotEntry>? PreBenchmark)
{
    public const string FileName = "checkpoint.json";

    public static BenchCheckpoint Start(bool restore) => new(restore, [], null);

    public bool Done(string step) => Steps.Any(s => s.Name == step);

    public IEnumerable<RunMeasurement> Runs => Steps.Where(s => s.Run is not null).Select(s => s.Run!);

    public BenchCheckpoint With(string step, RunMeasurement? run = null) => this with { Steps = [.. Steps, new CheckpointStep(step, run)] };

    public BenchCheckpoint Without(string step) => this with { Steps = Steps.Where(s => s.Name != step).ToList() };

    public static string RunStep(string label, int iteration, bool warmUp) =>
        warmUp ? $"run {label} warm-up" : string.Create(CultureInfo.InvariantCulture, $"run {label} {iteration}");

    public static string SnapshotStep(string label) => $"snapshot {label}";

    public const string PreBenchmarkStep = "snapshot pre-benchmark";


    /// <summary>What checkpoint.json holds.</summary>
    internal sealed record Stored(int SchemaVersion, bool Restore, IReadOnlyList<CheckpointStep> Steps, IReadOnlyList<SnapshotEntry>? PreBenchmark);

    public async Task SaveAsync(IObjectStore store, StorageUri benchRoot, CancellationToken cancellationToken) =>
        await store.PutAsync(benchRoot.Append(FileName), JsonSerializer.SerializeToUtf8Bytes(new Stored(1, Restore, Steps, PreBenchmark), BenchCheckpointJsonContext.Default.Stored), cancellationToken).ConfigureAwait(false);

    /// <summary>The bench's checkpoint; DQ6211 when it has none (it died before its first step, or predates checkpoints).</summary>
    public static async Task<BenchCheckpoint> LoadAsync(BenchNamespace bench, string benchId, CancellationToken cancellationToken)
    {
        var uri = bench.Folder(benchId).Append(FileName);
        var text = await bench.ReadTextAsync(uri, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException(BenchErrors.ResumeMismatch, $"Bench {benchId} has no {FileName}, so there is nothing to resume from: start a new bench (and dq bench restore {benchId} if it had purged the partition).", new SourceLocation(uri.ToString()));
        try
        {
            var stored = JsonSerializer.Deserialize(text, BenchCheckpointJsonContext.Default.Stored) ?? throw new JsonException("null");
            if (stored.Steps is null || stored.Steps.Any(s => s.Name is null)) throw new JsonException("no steps");
            return new BenchCheckpoint(stored.Restore, stored.Steps, stored.PreBenchmark);
        }
        catch (JsonException ex)
        {
            throw new InputException(BenchErrors.ResumeMismatch, $"{uri} is not a bench checkpoint ({ex.Message}); start a new bench.", new SourceLocation(uri.ToString()), ex);
        }
    }

    /// <summary>
    /// What differs between the bench being resumed and the one asked for now; empty when they match. Branch
    /// names and commits, command, outputs, partition, layout, layers, repeat, client, env and --restore make
    /// the runs and snapshots what they are. Comparison options do not: the comparison is redone on resume.
    /// </summary>
    public IReadOnlyList<string> Mismatches(BenchContext stored, BenchContext now, bool restore)
    {
        var differences = new List<string>();
        void Check(string what, string then, string current)
        {
            if (!string.Equals(then, current, StringComparison.Ordinal)) differences.Add($"{what} was '{then}', now '{current}'");
        }
        foreach (var (a, b) in new[] { (stored.Base, now.Base), (stored.Head, now.Head) })
        {
            Check($"--{a.Label}", a.Branch, b.Branch);
            if (a.Branch == b.Branch) Check($"{a.Label} branch {a.Branch}'s commit", a.Commit, b.Commit);
        }
        Check("--run", stored.Command, now.Command);
        Check("--outputs", stored.Outputs, now.Outputs);
        Check("--partition", string.Join(" ", stored.Partition), string.Join(" ", now.Partition));
        Check("--layout", stored.Layout, now.Layout);
        Check("--layers", string.Join(",", stored.Layers), string.Join(",", now.Layers));
        Check("--repeat", stored.Repeat.ToString(CultureInfo.InvariantCulture), now.Repeat.ToString(CultureInfo.InvariantCulture));
        Check("--client", stored.Client, now.Client);
        Check("--env", stored.Env, now.Env);
        Check("--restore", Restore ? "on" : "off", restore ? "on" : "off");
        return differences;
    }

    /// <summary>For logs: the checkpoint as a short line.</summary>
    public override string ToString() => new StringBuilder().AppendJoin(", ", Steps.Select(s => s.Name)).ToString();
}

/// <summary>A completed step of a bench run; runs carry their measurement.</summary>
public sealed record CheckpointStep(string Name, RunMeasurement? Run);
