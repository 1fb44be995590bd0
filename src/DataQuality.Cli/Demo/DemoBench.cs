using System.Diagnostics;
using DataQuality.Core.Benchmarking;
using DataQuality.Core.Comparison;

namespace DataQuality.Cli.Demo;

/// <summary>
/// The demo's branch run: a tiny pipeline repository generated under <c>dq-demo/bench/repo</c> with main and
/// a feature branch (the feature's silver/orders carries the demo's deliberate defects), benchmarked by
/// <see cref="BenchRunner"/> exactly as <c>dq bench run --repeat 3 --restore</c> does.
/// </summary>
internal static class DemoBench
{
    public const string Branch = "feature/discounts";

    /// <summary>Null when git is not installed (the step is then skipped with a notice).</summary>
    public static async Task<BenchResult?> RunAsync(string root, string mainOutputs, string featureOutputs, TextWriter log, CancellationToken cancellationToken)
    {
        var bench = Path.Combine(root, "bench");
        if (Directory.Exists(bench)) Directory.Delete(bench, recursive: true);
        var repo = Path.Combine(bench, "repo");
        Directory.CreateDirectory(repo);
        if (!Git(repo, "init", "-q", "-b", "main")) return null;
        Git(repo, "config", "user.email", "demo@dataquality.invalid");
        Git(repo, "config", "user.name", "dq demo");
        Git(repo, "config", "commit.gpgsign", "false");
        await File.WriteAllTextAsync(Path.Combine(repo, ".gitignore"), ".worktrees/\n", cancellationToken).ConfigureAwait(false);
        // The "pipeline" copies its branch's precomputed partition: what matters here is that each branch
        // writes different data into the same partition, and that dq measures and compares the two.
        await File.WriteAllTextAsync(Path.Combine(repo, "pipeline.sh"), """
            #!/bin/sh
            set -e
            for f in $(cd data && find . -name '*.parquet'); do
              dir=$(dirname "$1/$f" | sed "s/ds=[^/]*/ds=$2/")
              mkdir -p "$dir"; cp "data/$f" "$dir/"
            done
            """.ReplaceLineEndings("\n"), cancellationToken).ConfigureAwait(false);
        CopyTree(mainOutputs, Path.Combine(repo, "data"));
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "pipeline");
        Git(repo, "checkout", "-q", "-b", Branch);
        Directory.Delete(Path.Combine(repo, "data"), recursive: true);
        CopyTree(featureOutputs, Path.Combine(repo, "data"));
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "feature: discounts");
        Git(repo, "checkout", "-q", "main");

        var request = new BenchRequest
        {
            Repository = repo,
            BaseBranch = "main",
            HeadBranch = Branch,
            RunCommand = "sh pipeline.sh {outputs} {ds}",
            Outputs = Path.Combine(bench, "outputs"),
            Partition = [$"ds={DemoPipeline.Partition}"],
            Layers = ["silver", "gold"],
            Namespace = Path.Combine(bench, "runs"),
            Client = "demo",
            Repeat = 3,
            Restore = true,
            HourlyRate = 3.20,
            Comparison = new ComparisonOptions { Keys = new Dictionary<string, IReadOnlyList<string>> { ["orders"] = ["order_id"] }, Profile = false },
        };
        return await new BenchRunner(log: log).RunAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.parquet", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static bool Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(start)!;
            p.StandardOutput.ReadToEnd();
            var error = p.StandardError.ReadToEnd();
            if (!p.WaitForExit(60_000)) { p.Kill(entireProcessTree: true); return false; }
            if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {error.Trim()}");
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // git is not installed
        }
    }
}
