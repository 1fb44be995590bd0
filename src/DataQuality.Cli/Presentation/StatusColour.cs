using System.Text.RegularExpressions;

namespace DataQuality.Cli.Presentation;

/// <summary>
/// Colours the status badges (PASS, WARN, FAIL, ERROR) of Core's plain text report. Core's renderers stay
/// plain; the CLI adds colour only where <see cref="Terminal.ColourOnOutput"/> allows it.
/// </summary>
internal static partial class StatusColour
{
    private const string Reset = "\u001b[0m";

    public static string Apply(string text) => Badge().Replace(text, m =>
        m.Groups["indent"].Value + Code(m.Groups["badge"].Value) + m.Groups["badge"].Value + Reset);

    private static string Code(string badge) => badge switch
    {
        "PASS" => "\u001b[32m",
        "WARN" => "\u001b[33m",
        _ => "\u001b[31m",
    };

    /// <summary>A badge is the first word of a result line in <c>ValidationRenderer.Text</c>.</summary>
    [GeneratedRegex(@"^(?<indent>  )(?<badge>PASS|WARN|FAIL|ERROR)\b", RegexOptions.Multiline)]
    private static partial Regex Badge();
}
