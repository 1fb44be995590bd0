namespace DataQuality.Cli.Tests;

/// <summary>Runs the real <c>dq</c> command tree in-process and captures what it prints.</summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

public sealed record CliRun(int ExitCode, string Out, string Error);
