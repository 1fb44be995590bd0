using System.Text.RegularExpressions;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Xunit;

/// <summary>
/// Where the data under test lives for this run: a server (a root directory or URI that relative
/// dataset paths resolve against, or a contract's server name) and partition variables such as
/// <c>ds</c>. Build-time defaults come from the MSBuild properties <c>DataQualityServer</c> and
/// <c>DataQualityVariables</c>; a CI job overrides them per run with <c>DQ_SERVER</c> and
/// <c>DQ_VAR_name</c> without rebuilding.
/// </summary>
public sealed partial record DataQualitySettings(string? Server, IReadOnlyDictionary<string, string> Variables)
{
    public static DataQualitySettings Empty { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>SQL behind a failing check is appended to failure messages when <c>DQ_SHOW_SQL=1</c>.</summary>
    public static bool ShowSql => Environment.GetEnvironmentVariable("DQ_SHOW_SQL") is "1" or "true" or "TRUE" or "True";

    /// <summary>Defaults as generated from MSBuild (<paramref name="variables"/> like <c>ds=2026-02-11;region=eu</c>), then environment overrides.</summary>
    public static DataQualitySettings FromDefaults(string? server, string? variables)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (variables ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new InputException("DQ7001", $"DataQualityVariables entry '{pair}' is not name=value.");
            values[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith("DQ_VAR_", StringComparison.Ordinal) && key.Length > 7)
                values[key[7..]] = entry.Value as string ?? "";
        }

        var envServer = Environment.GetEnvironmentVariable("DQ_SERVER");
        return new DataQualitySettings(string.IsNullOrWhiteSpace(envServer) ? NullIfEmpty(server) : envServer, values);
    }

    /// <summary>Replaces <c>${name}</c> with the variable's value; an unknown variable is DQ7002 naming the file that used it.</summary>
    public string Substitute(string text, SourceLocation? where = null) =>
        VariablePattern().Replace(text, m => Variables.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InputException("DQ7002",
                $"Variable '{m.Groups[1].Value}' is not set: define it in the MSBuild property DataQualityVariables (name=value;...) or the environment variable DQ_VAR_{m.Groups[1].Value}.",
                where));

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariablePattern();
}
