using System.Diagnostics;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Benchmarking;

/// <summary>A branch checked out for a bench run: its name, the commit it was at, and its worktree folder.</summary>
public sealed record BranchCheckout(string Label, string Branch, string Commit, string Worktree);

/// <summary>
/// The git side of a bench run: one worktree per branch under the repository's git-ignored
/// <c>.worktrees/</c>, at the branch's current commit, reused between runs and refused when dirty.
/// Every git call is bounded (60 s).
/// </summary>
public sealed class GitWorktrees
{
    public const string Folder = ".worktrees";
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(60);

    private GitWorktrees(string root) => Root = root;

    /// <summary>The repository's top-level folder.</summary>
    public string Root { get; }

    public static async Task<GitWorktrees> OpenAsync(string repository, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repository))
            throw new InputException(BenchErrors.Repository, $"--repo {repository}: no such folder.", new SourceLocation(repository));
        var (code, output, error) = await GitAsync(repository, cancellationToken, "rev-parse", "--show-toplevel").ConfigureAwait(false);
        if (code != 0)
            throw new InputException(BenchErrors.Repository, $"{repository} is not in a git repository: {FirstLine(error)}", new SourceLocation(repository));
        var git = new GitWorktrees(output.Trim());
        var (ignored, _, _) = await GitAsync(git.Root, cancellationToken, "check-ignore", "-q", Folder + "/").ConfigureAwait(false);
        if (ignored != 0)
            throw new InputException(BenchErrors.Repository,
                $"{Path.Combine(git.Root, Folder)}/ is not git-ignored: bench worktrees would show up as untracked files of the branches. Add the line '{Folder}/' to {Path.Combine(git.Root, ".gitignore")} and commit it.",
                new SourceLocation(Path.Combine(git.Root, ".gitignore")));
        return git;
    }

    /// <summary>The commit <paramref name="branch"/> is at now; DQ6205 when there is no such branch or commit.</summary>
    public async Task<BranchCheckout> ResolveAsync(string label, string branch, CancellationToken cancellationToken)
    {
        var (code, sha, _) = await GitAsync(Root, cancellationToken, "rev-parse", "--verify", "--quiet", branch + "^{commit}").ConfigureAwait(false);
        if (code != 0)
            throw new InputException(BenchErrors.UnknownBranch, $"--{label} {branch}: no such branch or commit in {Root}.", new SourceLocation(Root));
        return new BranchCheckout(label, branch, sha.Trim(), Path.Combine(Root, Folder, FolderName(branch)));
    }

    /// <summary>Creates or reuses the worktree of a resolved branch at its commit; refuses a dirty one.</summary>
    public async Task<BranchCheckout> CheckoutAsync(BranchCheckout resolved, CancellationToken cancellationToken)
    {
        var (label, sha) = (resolved.Label, resolved.Commit);
        var path = resolved.Worktree;
        if (Directory.Exists(Path.Combine(path)) && File.Exists(Path.Combine(path, ".git")))
        {
            var (_, status, _) = await GitAsync(path, cancellationToken, "status", "--porcelain", "--untracked-files=normal").ConfigureAwait(false);
            if (status.Trim().Length > 0)
                throw new InputException(BenchErrors.DirtyWorktree,
                    $"The {label} worktree {path} has uncommitted changes; a bench runs committed code only. Commit or discard them (git -C {path} status):\n{Indent(status)}",
                    new SourceLocation(path));
            await CheckedGitAsync(path, cancellationToken, "checkout", "--quiet", "--detach", sha).ConfigureAwait(false);
        }
        else
        {
            if (Directory.Exists(path))
                throw new InputException(BenchErrors.Repository, $"{path} exists and is not a worktree; remove it or let dq create it.", new SourceLocation(path));
            await CheckedGitAsync(Root, cancellationToken, "worktree", "prune").ConfigureAwait(false);
            await CheckedGitAsync(Root, cancellationToken, "worktree", "add", "--quiet", "--detach", path, sha).ConfigureAwait(false);
        }
        return resolved;
    }

    private static async Task CheckedGitAsync(string directory, CancellationToken cancellationToken, params string[] args)
    {
        var (code, _, error) = await GitAsync(directory, cancellationToken, args).ConfigureAwait(false);
        if (code != 0)
            throw new InputException(BenchErrors.Repository, $"git {string.Join(' ', args)} failed in {directory}: {FirstLine(error)}", new SourceLocation(directory));
    }

    /// <summary>Runs git in <paramref name="directory"/>; public for the bench-overhead benchmark, which builds its repository with it.</summary>
    public static async Task<(int Code, string Output, string Error)> GitAsync(string directory, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InputException(BenchErrors.Repository, $"git is not installed or not on PATH: {ex.Message}", new SourceLocation(directory), ex);
        }
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(GitTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new InputException(BenchErrors.Repository, $"git {string.Join(' ', args)} did not finish within {GitTimeout.TotalSeconds:0} s in {directory}.", new SourceLocation(directory));
        }
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>A branch name as one folder name: feature/x becomes feature-x.</summary>
    public static string FolderName(string branch) =>
        new string(branch.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('.');

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();

    private static string Indent(string text) => string.Join('\n', text.Trim().Split('\n').Take(10).Select(l => "    " + l));
}
