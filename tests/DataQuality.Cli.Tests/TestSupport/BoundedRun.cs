using System.Diagnostics;

namespace DataQuality.Cli.Tests.TestSupport;

/// <summary>
/// Runs <c>dq</c> in-process with a time limit: a regression to a hang fails the test after
/// <paramref name="limit"/> instead of stalling the suite; the elapsed time comes back for assertions.
/// </summary>
public static class BoundedRun
{
    public static async Task<(CliRun Run, TimeSpan Elapsed)> RunAsync(TimeSpan limit, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var run = CliRunner.RunAsync(args);
        var first = await Task.WhenAny(run, Task.Delay(limit, TestContext.Current.CancellationToken));
        if (first != run)
            throw new TimeoutException($"dq {string.Join(' ', args)} did not finish within {limit.TotalSeconds:0} s.");
        return (await run, clock.Elapsed);
    }
}
