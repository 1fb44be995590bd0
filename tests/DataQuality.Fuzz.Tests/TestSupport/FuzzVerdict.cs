using System.Text.RegularExpressions;

namespace DataQuality.Fuzz.Tests.TestSupport;

/// <summary>
/// The rules every fuzz case obeys (issue 12, "Done when"): exit 0, 1 or 2 (3 is an internal error, a bug);
/// exit 2 names a DQ code on stderr; no stack trace or .NET exception type in what dq prints; nothing
/// outside <c>out/</c> created, changed or deleted; under 10 s of CPU (60 s wall for a blocked run); and never the contents of /etc/passwd.
/// </summary>
public static partial class FuzzVerdict
{
    [GeneratedRegex(@"DQ\d{4}")]
    private static partial Regex DqCode();

    /// <summary>
    /// A .NET stack frame ("   at Namespace.Type.Method(") or an exception type name ("FooException:"). No
    /// leading \w* before "Exception": on a 100,000-letter value echoed back that would backtrack quadratically.
    /// </summary>
    [GeneratedRegex(@"^[ \t]+at [\w.`<>\[\]]+[.(]|[A-Za-z]Exception:", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    public static async Task RunAsync(FuzzCase fuzzCase)
    {
        using var workspace = new FuzzWorkspace();
        fuzzCase.Setup(workspace);
        var before = workspace.Fingerprint();
        var run = await DqRun.RunAsync(workspace.Root, fuzzCase.Args);
        var after = workspace.Fingerprint();

        var problems = Problems(fuzzCase, run, before, after);
        if (problems.Count > 0)
            Assert.Fail($"fuzz case '{fuzzCase.Name}':\n- {string.Join("\n- ", problems)}\n{run}");
    }

    private static List<string> Problems(FuzzCase fuzzCase, DqResult run, SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var problems = new List<string>();
        if (run.TimedOut || run.CpuTime >= DqRun.Limit)
            problems.Add($"ran {run.Elapsed.TotalSeconds:0.0} s ({run.CpuTime.TotalSeconds:0.0} s CPU), over the {DqRun.Limit.TotalSeconds:0} s CPU or {DqRun.WallLimit.TotalSeconds:0} s wall limit");
        else if (run.ExitCode is not (0 or 1 or 2))
            problems.Add($"exit code {run.ExitCode}, not 0, 1 or 2");
        else if (fuzzCase.ExpectedExitCodes is { } expected && !expected.Contains(run.ExitCode))
            problems.Add($"exit code {run.ExitCode}, expected {string.Join(" or ", expected)}");
        if (run.ExitCode == 2 && !run.TimedOut && !DqCode().IsMatch(run.Error))
            problems.Add("exit 2 without a DQ code on stderr");
        foreach (var (stream, text) in new[] { ("stdout", run.Out), ("stderr", run.Error) })
        {
            if (StackTrace().Match(text) is { Success: true } m)
                problems.Add($"{stream} holds a stack trace or exception type: '{m.Value.Trim()}'");
            if (text.Contains("root:x:0:0", StringComparison.Ordinal))
                problems.Add($"{stream} holds the contents of /etc/passwd");
        }
        foreach (var (path, print) in before)
        {
            if (!after.TryGetValue(path, out var now))
                problems.Add($"deleted outside out/: {path}");
            else if (now != print)
                problems.Add($"changed outside out/: {path} ({print} -> {now})");
        }
        foreach (var path in after.Keys.Where(p => !before.ContainsKey(p)))
            problems.Add($"created outside out/: {path}");
        return problems;
    }
}
