using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into dq diagnostics: a DQ code, the command they belong to, a
/// did-you-mean for a misspelled option or command, and no .NET type names
/// (DQ0001 unknown option or command, DQ0002 invalid or missing value).
/// </summary>
internal static partial class ParseErrors
{
    public const string UnknownToken = "DQ0001";
    public const string InvalidValue = "DQ0002";

    public static IEnumerable<string> Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var path = CommandPath(parsed.CommandResult);
        var unknownSeen = parsed.Errors.Any(e => Unrecognized().IsMatch(e.Message));
        var optionUnknown = false;
        foreach (var error in parsed.Errors)
        {
            var unknown = Unrecognized().Match(error.Message);
            // After an unknown option, its value shows up as an unknown argument too; one line says it all.
            // Likewise "required command was not provided" when the command itself was misspelled.
            if (unknown.Success && optionUnknown && !unknown.Groups[1].Value.StartsWith('-')) continue;
            if (!unknown.Success && unknownSeen && command.Subcommands.Count > 0) continue;
            if (unknown.Success)
            {
                var token = unknown.Groups[1].Value;
                optionUnknown |= token.StartsWith('-');
                var candidates = token.StartsWith('-')
                    ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
                    : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
                var kind = token.StartsWith('-') ? "option" : "command or argument";
                var hint = EditDistance.Suggest(token, candidates) is { } near ? $"; did you mean '{near}'?" : "";
                yield return $"dq: error {UnknownToken}: unknown {kind} '{token}' for '{path}'{hint}";
            }
            else if (NotAmong().Match(error.Message) is { Success: true } among)
            {
                // AcceptOnlyFromAmong lists the allowed values one per line; keep them on the diagnostic's line.
                var allowed = among.Groups[2].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var hint = EditDistance.Suggest(among.Groups[1].Value, allowed) is { } near ? $"; did you mean '{near}'?" : ".";
                yield return $"dq: error {InvalidValue}: {path}: '{among.Groups[1].Value}' is not one of {string.Join(", ", allowed)}{hint}";
            }
            else
                yield return $"dq: error {InvalidValue}: {path}: {Plain(error.Message)}";
        }
    }

    /// <summary>System.CommandLine names the CLR type it failed to convert to; say what a user types instead.</summary>
    private static string Plain(string message) => ExpectedType().Replace(message, m => m.Groups[1].Value switch
    {
        var t when t.Contains("Int32") || t.Contains("Int64") => " as a whole number",
        var t when t.Contains("Double") || t.Contains("Decimal") => " as a number",
        var t when t.Contains("Boolean") => " as true or false",
        var t when t.Contains("FileInfo") || t.Contains("DirectoryInfo") => " as a path",
        _ => "",
    }).Replace("\r", "").Split('\n')[0].TrimEnd();

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Add(c.Command is RootCommand ? "dq" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@" as expected type '([^']*)'")]
    private static partial Regex ExpectedType();
}
