using System.Diagnostics;

namespace DataQuality.Fuzz.Tests.TestSupport;

/// <summary>What one run of the real <c>dq</c> process did.</summary>
public sealed record DqResult(string[] Args, int ExitCode, string Out, string Error, TimeSpan Elapsed, bool TimedOut, TimeSpan CpuTime = default)
{
    public override string ToString() =>
        $"dq {string.Join(' ', Args.Select(a => a.Length > 80 ? a[..80] + "…" : a))}\nexit {ExitCode} after {Elapsed.TotalSeconds:0.0} s ({CpuTime.TotalSeconds:0.0} s CPU){(TimedOut ? " (killed: over the limit)" : "")}\n--- stdout ---\n{Clip(Out)}\n--- stderr ---\n{Clip(Error)}";

    private static string Clip(string text) => text.Length > 4000 ? text[..4000] + "\n… (clipped)" : text;
}

/// <summary>
/// Runs the built <c>dq</c> executable (apphost, else <c>dotnet dq.dll</c>) in a working directory, killing
/// the whole process tree when it runs past a limit: a hang is a finding, never a stuck test run.
/// The 10 s budget is CPU time: on a shared 2-core CI machine running several test projects at once, wall
/// time measures the neighbours as much as dq. A run that spins burns CPU and hits <see cref="Limit"/>; a run
/// that blocks (a FIFO, a silent socket) burns none and hits <see cref="WallLimit"/>.
/// </summary>
public static class DqRun
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan WallLimit = TimeSpan.FromSeconds(60);

    public static async Task<DqResult> RunAsync(string workingDirectory, string[] args)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "dq.exe" : "dq");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "dq.dll") } };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true; // a run that waits for input gets end-of-file, not the test runner's console
        start.UseShellExecute = false;
        // Plain, stable output: no colours, no telemetry.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dq did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(WallLimit);
        var timedOut = false;
        var cpu = TimeSpan.Zero;
        try
        {
            while (!process.HasExited)
            {
                // The process may exit between the check and the read: then its CPU time can no longer be read.
                try { cpu = process.TotalProcessorTime; } catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { break; }
                if (cpu >= Limit) throw new OperationCanceledException();
                await Task.WhenAny(process.WaitForExitAsync(timeout.Token), Task.Delay(200, timeout.Token));
                timeout.Token.ThrowIfCancellationRequested();
            }
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None);
        }
        clock.Stop();
        return new DqResult(args, process.ExitCode, await stdout, await stderr, clock.Elapsed, timedOut, cpu);
    }
}
