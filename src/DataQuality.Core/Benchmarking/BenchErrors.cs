namespace DataQuality.Core.Benchmarking;

/// <summary>Diagnostic codes of <c>dq bench</c> (DQ62xx); docs/bench.md lists them with their fixes.</summary>
public static class BenchErrors
{
    /// <summary>An argument is missing or malformed (partition, layers, repeat, hourly rate, run command).</summary>
    public const string InvalidArgument = "DQ6200";

    /// <summary>The environment is prod/production and <c>--allow-prod</c> was not given.</summary>
    public const string ProdRefused = "DQ6201";

    /// <summary>The partition value floats (today, yesterday, now, a date computed at run time).</summary>
    public const string FloatingPartition = "DQ6202";

    /// <summary>The repository is not a git repository, or its <c>.worktrees/</c> folder is not git-ignored.</summary>
    public const string Repository = "DQ6203";

    /// <summary>A branch's worktree has uncommitted changes.</summary>
    public const string DirtyWorktree = "DQ6204";

    /// <summary>A branch or commit does not exist.</summary>
    public const string UnknownBranch = "DQ6205";

    /// <summary>Another bench run holds the lock on these outputs and partition.</summary>
    public const string Locked = "DQ6206";

    /// <summary>A branch's run wrote nothing into the target partition.</summary>
    public const string NothingWritten = "DQ6207";

    /// <summary>The restored partition is not byte-identical to the pre-benchmark snapshot.</summary>
    public const string RestoreMismatch = "DQ6208";

    /// <summary>A bench id that is not in the namespace.</summary>
    public const string UnknownBench = "DQ6209";

    /// <summary>The namespace lies inside the canonical outputs (or the other way round).</summary>
    public const string Overlap = "DQ6210";

    /// <summary><c>--resume ID</c>: the bench has no usable checkpoint, or the arguments (branches, commits, command, partition, options) differ from the ones it was started with.</summary>
    public const string ResumeMismatch = "DQ6211";
}
