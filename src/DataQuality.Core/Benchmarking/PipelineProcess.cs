using System.Diagnostics;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// Runs a branch's pipeline command through the shell in its worktree, its output kept in log files,
/// measured with <see cref="ProcessTreeMeter"/>, bounded by a timeout that kills the whole process tree.
/// </summary>
public static class PipelineProcess
{
    // Runs are strictly one after the other, and RUSAGE_CHILDREN is per process: one at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<RunMeasurement> RunAsync(
        string label, int iteration, bool warmUp, string command, string workingDirectory, string logDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(logDirectory);
        var name = warmUp ? $"{label}-warmup" : $"{label}-{iteration}";
        var stdoutPath = Path.Combine(logDirectory, name + ".stdout.log");
        var stderrPath = Path.Combine(logDirectory, name + ".stderr.log");
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd.exe" : "/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        start.ArgumentList.Add(command);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = ProcessTreeMeter.ChildrenUsage();
            var clock = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InputException(BenchErrors.InvalidArgument, $"Cannot start the shell for the {label} run: {ex.Message}", new SourceLocation(workingDirectory), ex);
            }
            process.StandardInput.Close(); // a pipeline that reads stdin gets end-of-file, not a hang
            var meter = new ProcessTreeMeter(process.Id);
            using var sampling = new CancellationTokenSource();
            var sampler = meter.SampleAsync(sampling.Token);
            await using var stdout = new FileStream(stdoutPath, FileMode.Create, FileAccess.Write, FileShare.Read);
            await using var stderr = new FileStream(stderrPath, FileMode.Create, FileAccess.Write, FileShare.Read);
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellationToken);
            var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr, cancellationToken);

            var timedOut = false;
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(timeout);
                try
                {
                    await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    timedOut = !cancellationToken.IsCancellationRequested;
                    try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            clock.Stop();
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            await Task.WhenAll(copyOut, copyErr).ConfigureAwait(false);
            var after = ProcessTreeMeter.ChildrenUsage();
            if (after.MaxRssBytes > before.MaxRssBytes) meter.AtLeast(after.MaxRssBytes);
            var cpu = OperatingSystem.IsLinux() ? after.CpuSeconds - before.CpuSeconds : process.TotalProcessorTime.TotalSeconds;
            await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new RunMeasurement(label, iteration, warmUp, clock.Elapsed.TotalSeconds, Math.Max(0, cpu), meter.PeakRssBytes,
                timedOut ? -1 : process.ExitCode, timedOut, Tail(stderrPath));
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The last lines of a log, for the report of a failed run.</summary>
    private static string Tail(string path, int lines = 20)
    {
        try
        {
            var all = File.ReadLines(path).TakeLast(lines).ToList();
            return string.Join('\n', all);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
