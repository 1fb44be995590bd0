using DataQuality.Core.Comparison;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>Everything <c>dq bench run</c> was asked to do (docs/bench.md). Validated by <see cref="BenchGuards"/>.</summary>
public sealed record BenchRequest
{
    /// <summary>The pipeline's git repository (any folder inside it).</summary>
    public required string Repository { get; init; }

    public required string BaseBranch { get; init; }

    public required string HeadBranch { get; init; }

    /// <summary>The pipeline command, run through the shell in the branch's worktree, with <c>{placeholders}</c> substituted.</summary>
    public required string RunCommand { get; init; }

    /// <summary>The canonical root the pipeline writes (local folder or s3://).</summary>
    public required string Outputs { get; init; }

    /// <summary>The fixed target partition, e.g. <c>ds=2026-02-11</c> (several for multi-column partitions).</summary>
    public required IReadOnlyList<string> Partition { get; init; }

    public TreeLayout Layout { get; init; } = TreeLayout.Default;

    /// <summary>The layers (values of the layout's <c>{layer}</c>) the partition is purged and snapshotted in; empty = all.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Where bench runs are kept: <c>&lt;namespace&gt;/&lt;bench id&gt;/...</c> (local folder or s3://).</summary>
    public required string Namespace { get; init; }

    public string Client { get; init; } = "default";

    public string Env { get; init; } = "dev";

    /// <summary>0: one run per branch. N &gt; 0: one warm-up run per branch, then N runs per branch alternating base/head.</summary>
    public int Repeat { get; init; }

    public bool Restore { get; init; }

    public bool AllowProd { get; init; }

    /// <summary>Machine cost per hour, for the estimated cost per run (p50 wall hours x rate).</summary>
    public double? HourlyRate { get; init; }

    /// <summary>A run taking longer is stopped (its process tree killed) and counted as failed.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromHours(2);

    public ComparisonOptions Comparison { get; init; } = new();

    /// <summary>The id of an interrupted bench to resume from its checkpoint (<c>--resume</c>); null starts a new bench.</summary>
    public string? ResumeId { get; init; }

    /// <summary>The clock; tests fix it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
