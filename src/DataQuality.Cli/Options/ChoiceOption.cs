using System.CommandLine;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Cli.Options;

/// <summary>
/// An option whose value is one of an enum's members, written in lower case on the command line and in
/// help (<c>text|json|markdown|junit</c>), matched case-insensitively, and refused with the allowed values
/// and a did-you-mean instead of System.CommandLine's "expected type 'Namespace.Enum'".
/// </summary>
internal static class ChoiceOption
{
    public static Option<T> Create<T>(string name, string[] aliases, string description, T defaultValue) where T : struct, Enum =>
        Create(name, aliases, description, defaultValue, Enum.GetValues<T>());

    /// <summary>
    /// Only some of the enum's members: a command that renders fewer formats than Core's <c>ReportFormat</c>
    /// offers (compare: markdown or json) takes that one enum instead of its own, and refuses the rest.
    /// </summary>
    public static Option<T> Create<T>(string name, string[] aliases, string description, T defaultValue, params T[] allowed) where T : struct, Enum
    {
        var names = allowed.Select(v => v.ToString().ToLowerInvariant()).ToArray();
        var option = new Option<T>(name, aliases)
        {
            Description = description,
            HelpName = string.Join('|', names),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (Enum.TryParse<T>(token, ignoreCase: true, out var value) && names.Contains(token.ToLowerInvariant()))
                    return value;
                var hint = EditDistance.Suggest(token, names) is { } near ? $"; did you mean '{near}'?" : ".";
                result.AddError($"{name}: '{token}' is not one of {string.Join(", ", names)}{hint}");
                return defaultValue;
            },
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>
    /// Help prints an enum option's default with the member's ToString ("[default: Text]"); show it as it is
    /// typed on the command line instead. System.CommandLine keeps its help builder internal, so the help
    /// text is rewritten on its way out, only for the defaults of enum-valued options.
    /// </summary>
    public static string LowerCaseDefaults(string help, RootCommand root)
    {
        var pending = new Stack<Command>([root]);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var command))
        {
            foreach (var sub in command.Subcommands) pending.Push(sub);
            foreach (var option in command.Options.Where(o => o.ValueType.IsEnum && o.HasDefaultValue))
                if (option.GetDefaultValue()?.ToString() is { } name) names.Add(name);
        }
        foreach (var name in names)
            help = help.Replace($"[default: {name}]", $"[default: {name.ToLowerInvariant()}]", StringComparison.Ordinal);
        return help;
    }
}
