using System.Collections;
using System.Text.RegularExpressions;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Settings;

/// <summary>
/// <c>${name}</c> variables: the one parser and resolver behind every front end — <c>dq --var name=value</c>,
/// the xunit adapter's MSBuild property <c>DataQualityVariables</c> (<c>name=value;...</c>), and the
/// environment variable <c>DQ_VAR_name</c>. Values given to the constructor come first, then
/// <c>DQ_VAR_name</c>. The errors are the same whichever front end read the variable: DQ1030 for a name
/// without a value (naming the file and line that used it), DQ1031 for a definition that is not name=value.
/// </summary>
public sealed partial class VariableValues
{
    public const string UnsetCode = "DQ1030";
    public const string MalformedCode = "DQ1031";
    public const string EnvironmentPrefix = "DQ_VAR_";

    // SQL placeholders of contract quality rules (${model}, ${field}, …), replaced by the deriver, not variables.
    private static readonly HashSet<string> SqlPlaceholders = new(StringComparer.Ordinal) { "model", "table", "object", "schema", "field", "column", "property" };

    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly Func<string, string?> _environment;

    public VariableValues(IReadOnlyDictionary<string, string>? values = null, Func<string, string?>? environment = null)
    {
        _values = values ?? new Dictionary<string, string>(StringComparer.Ordinal);
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>Replaces every <c>${name}</c> in a path or other text; a name without a value is DQ1030 at <paramref name="at"/>.</summary>
    public string Resolve(string text, SourceLocation? at) => Substitute(text, at, keepSqlPlaceholders: false);

    /// <summary>As <see cref="Resolve"/>, but leaves the SQL placeholders of quality rules (<c>${model}</c>, <c>${field}</c>, …) for the deriver.</summary>
    public string ResolveInSql(string text, SourceLocation? at) => Substitute(text, at, keepSqlPlaceholders: true);

    private string Substitute(string text, SourceLocation? at, bool keepSqlPlaceholders) => Reference().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        return keepSqlPlaceholders && SqlPlaceholders.Contains(name) ? m.Value : Value(name, at);
    });

    /// <summary>The value of variable <paramref name="name"/> (given, then <c>DQ_VAR_name</c>); none is DQ1030 at <paramref name="at"/>.</summary>
    public string Value(string name, SourceLocation? at) =>
        _values.TryGetValue(name, out var value) ? value : _environment(EnvironmentPrefix + name) ?? throw Unset(name, at);

    /// <summary>The DQ1030 error for a variable without a value; one message for every front end.</summary>
    public static InputException Unset(string name, SourceLocation? at) => new(UnsetCode,
        $"Variable '${{{name}}}' is not set: give it as {name}=VALUE (dq --var, or the MSBuild property DataQualityVariables for dotnet test) or set the environment variable {EnvironmentPrefix}{name}.", at);

    /// <summary>Parses <c>name=value</c> definitions (one <c>--var</c> each); name and value are trimmed.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> definitions)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var eq = definition.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? "" : definition[..eq].Trim();
            // A name that ${...} cannot spell would be set and never used: rejected, not ignored.
            if (!Name().IsMatch(name))
                throw new InputException(MalformedCode,
                    $"Variable definition '{definition}' is not name=value with a name of letters, digits and _ (not starting with a digit): give variables as --var name=value to dq, or as name=value;name=value in the MSBuild property DataQualityVariables.");
            result[name] = definition[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>Parses a list of definitions separated by <c>;</c> or <c>,</c> (the MSBuild property); empty entries are skipped.</summary>
    public static Dictionary<string, string> ParseList(string? list) =>
        Parse((list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The <c>DQ_VAR_name</c> entries of an environment block (<see cref="Environment.GetEnvironmentVariables()"/>), by name.</summary>
    public static Dictionary<string, string> FromEnvironment(IDictionary environment)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
            if (entry.Key is string key && key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && key.Length > EnvironmentPrefix.Length)
                result[key[EnvironmentPrefix.Length..]] = entry.Value as string ?? "";
        return result;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();
}
