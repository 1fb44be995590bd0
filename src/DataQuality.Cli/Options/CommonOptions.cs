using System.CommandLine;
using System.CommandLine.Parsing;
using DataQuality.Core.Files;
using DataQuality.Core.Reporting;

namespace DataQuality.Cli.Options;

/// <summary>Options several commands share, defined once so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<ReportFormat> Format(ReportFormat defaultFormat = ReportFormat.Text) =>
        ChoiceOption.Create("--format", ["-f"], "Output format: text, json, markdown or junit.", defaultFormat);

    public static Option<FileInfo?> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
    };

    public static Option<FailOn> FailOn() =>
        ChoiceOption.Create("--fail-on", [], "Which severity makes the exit code 1: error (default) or warn.", Options.FailOn.Error);

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

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "No progress on standard error (the report and errors are still printed).",
    };

    /// <summary>
    /// The text report as printed: status badges coloured only when it goes to a terminal's standard output
    /// and NO_COLOR is not set; files, pipes and other formats stay plain.
    /// </summary>
    public static string Coloured(CliContext context, string report, ReportFormat format, FileInfo? output) =>
        format == ReportFormat.Text && output is null && Presentation.Terminal.ColourOnOutput(context) ? Presentation.StatusColour.Apply(report) : report;

    public static Option<int?> Threads() => new("--threads")
    {
        Description = "DuckDB worker threads (default: all cores, or DQ_THREADS).",
    };

    /// <summary>Old option names still accepted (hidden from help) and the names that replace them.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["--profile"] = "--aws-profile",
        ["--out"] = "--output",
    };

    /// <summary>One warning per deprecated option name used on this command line.</summary>
    public static IEnumerable<string> DeprecatedNames(ParseResult parse) =>
        parse.Tokens.Where(t => t.Type == TokenType.Option && Renamed.ContainsKey(t.Value)).Select(t => t.Value).Distinct()
            .Select(name => $"dq: warning DQ0003: {name} is deprecated; use {Renamed[name]}.");

    /// <summary>
    /// Writes <paramref name="text"/> to the output file (creating its folder) or to standard output.
    /// The file is never one of <paramref name="inputs"/> (DQ2008) nor a folder (DQ2009): see <see cref="OutputFile"/>.
    /// </summary>
    public static async Task WriteAsync(CliContext context, FileInfo? output, string text, IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return;
        }
        await OutputFile.WriteAllTextAsync(output.ToString(), text, inputs, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

internal enum FailOn
{
    Error,
    Warn,
}
