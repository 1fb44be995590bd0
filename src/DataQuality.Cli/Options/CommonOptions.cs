using System.CommandLine;
using System.CommandLine.Parsing;
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
