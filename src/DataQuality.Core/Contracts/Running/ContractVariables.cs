using System.Text.RegularExpressions;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Running;

/// <summary>
/// <c>${name}</c> substitution for server paths and SQL rules. Values come from <c>--var name=value</c>
/// first, then the environment variable <c>DQ_VAR_name</c>. An unresolved name is an error naming the
/// contract line, never an empty string.
/// </summary>
public sealed partial class ContractVariables
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly Func<string, string?> _environment;

    public ContractVariables(IReadOnlyDictionary<string, string>? values = null, Func<string, string?>? environment = null)
    {
        _values = values ?? new Dictionary<string, string>();
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "model", "table", "object", "schema", "field", "column", "property" };

    public string Resolve(string text, SourceLocation at) => Pattern().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        if (Reserved.Contains(name)) return m.Value; // SQL placeholders such as ${model}, replaced later
        if (_values.TryGetValue(name, out var value)) return value;
        return _environment("DQ_VAR_" + name)
            ?? throw new InputException("DQ1030", $"Variable '${{{name}}}' is not set: pass --var {name}=VALUE or set DQ_VAR_{name}.", at);
    });

    /// <summary>Parses <c>name=value</c> pairs as given on the command line.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new InputException("DQ1031", $"--var expects name=value, got '{pair}'.");
            result[pair[..eq].Trim()] = pair[(eq + 1)..];
        }
        return result;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Pattern();
}
