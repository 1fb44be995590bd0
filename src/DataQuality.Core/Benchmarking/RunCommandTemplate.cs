using System.Text.RegularExpressions;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Storage;

namespace DataQuality.Core.Benchmarking;

/// <summary>
/// Substitutes <c>{worktree}</c>, <c>{outputs}</c>, <c>{client}</c>, <c>{env}</c>, <c>{label}</c> and each
/// partition column (<c>{ds}</c>) in <c>--run</c>. A <c>{name}</c> that is none of them is an error with a
/// did-you-mean: a misspelled placeholder would otherwise reach the pipeline as literal text. Shell syntax
/// (<c>${VAR}</c>, <c>{a,b}</c>) is left alone.
/// </summary>
public static partial class RunCommandTemplate
{
    public static IReadOnlyDictionary<string, string> Values(BenchRequest request, BranchCheckout branch)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["worktree"] = branch.Worktree,
            ["outputs"] = StorageUri.Parse(request.Outputs).ToString(), // absolute: the command runs in the worktree, not where dq was started
            ["client"] = request.Client,
            ["env"] = request.Env,
            ["label"] = branch.Label,
            ["branch"] = branch.Branch,
        };
        foreach (var term in request.Partition)
        {
            var eq = term.IndexOf('=');
            values[term[..eq].Trim()] = term[(eq + 1)..].Trim();
        }
        return values;
    }

    /// <summary>Throws DQ6200 for an unknown placeholder; call before anything runs.</summary>
    public static void Check(string template, IEnumerable<string> known)
    {
        var names = known.ToList();
        foreach (Match m in Placeholder().Matches(template))
        {
            var name = m.Groups[1].Value;
            if (names.Contains(name)) continue;
            var hint = EditDistance.Suggest(name, names) is { } near ? $"; did you mean '{{{near}}}'?" : "";
            throw new InputException(BenchErrors.InvalidArgument,
                $"--run has an unknown placeholder '{{{name}}}'{hint} Known: {string.Join(", ", names.Select(n => "{" + n + "}"))}.");
        }
    }

    public static string Expand(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    // {name} not preceded by '$' (shell ${VAR}); names are identifiers, so {a,b} brace expansion is not one.
    [GeneratedRegex(@"(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
