using System.Diagnostics;

namespace DataQuality.Cli.Tests.TestSupport;

/// <summary>A program other than dq (dotnet, an installed tool), run as a real process with a time limit.</summary>
public static class ExternalCommand
{
    public static async Task<CliRun> RunAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {limit.TotalSeconds:0} s.");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
