using System.CommandLine;
using DataQuality.Core.Reporting;

namespace DataQuality.Cli.Options;

/// <summary>Options several commands share, defined once so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<ReportFormat> Format(ReportFormat defaultFormat = ReportFormat.Text) => new("--format", "-f")
    {
        Description = "Output format: text, json, markdown or junit.",
        DefaultValueFactory = _ => defaultFormat,
    };

    public static Option<FileInfo?> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
    };

    public static Option<FailOn> FailOn() => new("--fail-on")
    {
        Description = "Which severity makes the exit code 1: error (default) or warn.",
        DefaultValueFactory = _ => Options.FailOn.Error,
    };

    public static Option<bool> AllowEmpty() => new("--allow-empty")
    {
        Description = "Pass a suite (or contract model) that has no checks; without it, running no check is a failure (exit 1).",
    };

    /// <summary>The one line that says why a run with no checks failed.</summary>
    public static async Task WarnEmptyAsync(CliContext context, Core.Checks.ValidationReport report, bool allowEmpty)
    {
        if (report.IsEmpty && !allowEmpty)
            await context.Error.WriteLineAsync($"dq: '{report.SuiteName}' has no checks, so nothing was validated (exit 1); pass --allow-empty to accept an empty suite.").ConfigureAwait(false);
    }

    public static Option<int?> Threads() => new("--threads")
    {
        Description = "DuckDB worker threads (default: all cores, or DQ_THREADS).",
    };

    /// <summary>Writes <paramref name="text"/> to the output file (creating its folder) or to standard output.</summary>
    public static async Task WriteAsync(CliContext context, FileInfo? output, string text, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return;
        }
        output.Directory?.Create();
        await File.WriteAllTextAsync(output.FullName, text, cancellationToken).ConfigureAwait(false);
    }
}

internal enum FailOn
{
    Error,
    Warn,
}
