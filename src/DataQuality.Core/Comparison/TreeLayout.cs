using System.Text;
using System.Text.RegularExpressions;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Where entities live in an output tree, as a pattern over relative paths:
/// <c>{layer}/v{schema}/{entity}/ds={ds}/*.parquet</c>. <c>{entity}</c> is required and, with
/// <c>{layer}</c>, names the entity; <c>{schema}</c> is a schema version (a change is reported,
/// not treated as another entity); every other placeholder is a partition variable.
/// <c>*</c> matches within a path segment, <c>**</c> across segments, <c>?</c> one character.
/// </summary>
public sealed partial class TreeLayout
{
    public const string DefaultPattern = "{layer}/{entity}/ds={ds}/*.parquet";

    private readonly Regex _regex;

    private TreeLayout(string pattern, Regex regex, IReadOnlyList<string> variables)
    {
        Pattern = pattern;
        _regex = regex;
        Variables = variables;
        PartitionVariables = variables.Where(v => v is not ("entity" or "layer" or "schema")).ToArray();
    }

    public string Pattern { get; }

    /// <summary>Placeholder names in pattern order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Placeholders that identify a partition, in pattern order.</summary>
    public IReadOnlyList<string> PartitionVariables { get; }

    public static TreeLayout Default { get; } = Parse(DefaultPattern);

    public static TreeLayout Parse(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            throw new InputException("DQ6001", "The layout pattern is empty.");
        var normalized = pattern.Trim().Replace('\\', '/').Trim('/');
        var sb = new StringBuilder("^");
        var variables = new List<string>();
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '{')
            {
                var close = normalized.IndexOf('}', i + 1);
                var name = close < 0 ? "" : normalized[(i + 1)..close];
                if (!VariableName().IsMatch(name))
                    throw new InputException("DQ6001", $"Layout '{pattern}': '{{' at position {i + 1} does not start a placeholder like {{entity}}.");
                if (variables.Contains(name))
                    throw new InputException("DQ6001", $"Layout '{pattern}': placeholder {{{name}}} appears twice.");
                variables.Add(name);
                sb.Append("(?<").Append(name).Append(">[^/]+?)");
                i = close;
            }
            else if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                sb.Append(i + 2 < normalized.Length && normalized[i + 2] == '/' ? "(?:.*/)?" : ".*");
                i += i + 2 < normalized.Length && normalized[i + 2] == '/' ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        if (!variables.Contains("entity"))
            throw new InputException("DQ6001", $"Layout '{pattern}' has no {{entity}} placeholder; it must say where the entity name is.");
        return new TreeLayout(normalized, new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant), variables);
    }

    /// <summary>Matches a relative path; null when the file is not part of any entity.</summary>
    public LayoutMatch? Match(string relativePath)
    {
        var m = _regex.Match(relativePath);
        if (!m.Success) return null;
        var layer = Variables.Contains("layer") ? m.Groups["layer"].Value : null;
        var entity = m.Groups["entity"].Value;
        var schema = Variables.Contains("schema") ? m.Groups["schema"].Value : null;
        var partition = string.Join("/", PartitionVariables.Select(v => $"{v}={m.Groups[v].Value}"));
        return new LayoutMatch(layer is null ? entity : $"{layer}/{entity}", layer, entity, schema, partition);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}

/// <summary>What a layout says about one file: its entity (<c>layer/entity</c>), schema version and partition (<c>ds=2026-02-11</c>, empty when unpartitioned).</summary>
public sealed record LayoutMatch(string EntityName, string? Layer, string Entity, string? SchemaVersion, string Partition);
