using System.Diagnostics;
using System.Security.Cryptography;
using DataQuality.Core.Datasets;

namespace DataQuality.Cli.Tests.TestSupport;

/// <summary>
/// A real git repository with a tiny pipeline on two branches: <c>pipeline.sh OUT DS</c> writes
/// <c>silver/orders</c> and <c>gold/summary</c> of partition DS; on <c>feature/x</c> ten amounts change and
/// five orders are gone. The canonical outputs start with other partitions, another layer in the target
/// partition and an earlier run's target partition, so tests can prove what a bench leaves alone.
/// </summary>
public sealed class BenchRepo : IDisposable
{
    public const string Partition = "ds=2026-02-11";
    private readonly TempDirectory _dir = new();

    public BenchRepo(bool ignoreWorktrees = true)
    {
        Directory.CreateDirectory(Repo);
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "bench@example.com");
        Git("config", "user.name", "bench");
        Git("config", "commit.gpgsign", "false");
        Directory.CreateDirectory(Path.Combine(Repo, "data"));
        WriteOrders("SELECT i AS order_id, i * 1.5 AS amount FROM range(1, 101) t(i)");
        File.WriteAllText(Path.Combine(Repo, "pipeline.sh"), """
            #!/bin/sh
            set -e
            out="$1"; ds="$2"
            echo "pipeline: writing $ds" >&2
            if [ -f fail-me ]; then echo "pipeline: the join exploded" >&2; exit 7; fi
            mkdir -p "$out/silver/orders/ds=$ds" "$out/gold/summary/ds=$ds"
            cp data/orders.parquet "$out/silver/orders/ds=$ds/part-0.parquet"
            cp data/orders.parquet "$out/gold/summary/ds=$ds/part-0.parquet"
            """.ReplaceLineEndings("\n"));
        if (ignoreWorktrees) File.WriteAllText(Path.Combine(Repo, ".gitignore"), ".worktrees/\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "main pipeline");
        Git("checkout", "-q", "-b", "feature/x");
        WriteOrders("SELECT i AS order_id, CASE WHEN i <= 10 THEN i * 1.5 + 1 ELSE i * 1.5 END AS amount FROM range(1, 96) t(i)");
        Git("commit", "-q", "-am", "feature: amounts change, five orders gone");
        Git("checkout", "-q", "main");

        // What is already in the canonical outputs.
        WriteParquet(Path.Combine(Outputs, "silver", "orders", "ds=2026-02-10", "part-0.parquet"), "SELECT 1 AS order_id, 9.5 AS amount");
        WriteParquet(Path.Combine(Outputs, "bronze", "raw", Partition, "part-0.parquet"), "SELECT 'raw' AS payload");
        WriteParquet(Path.Combine(Outputs, "silver", "orders", Partition, "part-0.parquet"), "SELECT 42 AS order_id, 0.5 AS amount");
        File.WriteAllText(Path.Combine(Outputs, "silver", "orders", Partition, "_SUCCESS"), "");
    }

    public string Root => _dir.Path;

    public string Repo => _dir.Combine("repo");

    public string Outputs => _dir.Combine("outputs");

    public string Namespace => _dir.Combine("bench-runs");

    public string Command => "sh pipeline.sh {outputs} {ds}";

    /// <summary>The arguments of a local bench run, before any the test adds.</summary>
    public string[] RunArgs(params string[] extra) =>
        ["bench", "run", "--repo", Repo, "--base", "main", "--head", "feature/x", "--run", Command, "--outputs", Outputs,
         "--partition", Partition, "--layers", "silver,gold", "--namespace", Namespace, "--key", "orders=order_id", "--key", "summary=order_id", .. extra];

    /// <summary>Path and SHA-256 of every file under <paramref name="root"/>.</summary>
    public static IReadOnlyDictionary<string, string> Fingerprint(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            : new Dictionary<string, string>();

    public void Git(params string[] args) => GitIn(Repo, args);

    public static void GitIn(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(60_000)) throw new TimeoutException($"git {string.Join(' ', args)}");
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {error.Result}");
    }

    private void WriteOrders(string select) => WriteParquet(Path.Combine(Repo, "data", "orders.parquet"), select);

    private static void WriteParquet(string path, string select)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
    }

    public void Dispose() => _dir.Dispose();
}
