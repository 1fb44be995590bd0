using DataQuality.Core.Diagnostics;
using DataQuality.Core.Settings;

namespace DataQuality.Xunit;

/// <summary>
/// Where the data under test lives for this run: a server (a root directory or URI that relative
/// dataset paths resolve against, or a contract's server name) and partition variables such as
/// <c>ds</c>. Build-time defaults come from the MSBuild properties <c>DataQualityServer</c> and
/// <c>DataQualityVariables</c>; a CI job overrides them per run with <c>DQ_SERVER</c> and
/// <c>DQ_VAR_name</c> without rebuilding.
/// </summary>
public sealed record DataQualitySettings(string? Server, IReadOnlyDictionary<string, string> Variables)
{
    public static DataQualitySettings Empty { get; } = new(null, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>SQL behind a failing check is appended to failure messages when <c>DQ_SHOW_SQL=1</c>.</summary>
    public static bool ShowSql => Environment.GetEnvironmentVariable("DQ_SHOW_SQL") is "1" or "true" or "TRUE" or "True";

    /// <summary>Defaults as generated from MSBuild (<paramref name="variables"/> like <c>ds=2026-02-11;region=eu</c>), then environment overrides.</summary>
    public static DataQualitySettings FromDefaults(string? server, string? variables)
    {
        // Core's one variable parser (the same codes and messages as dq --var): build-time defaults, then DQ_VAR_name.
        var values = VariableValues.ParseList(variables);
        foreach (var (name, value) in VariableValues.FromEnvironment(Environment.GetEnvironmentVariables())) values[name] = value;

        var envServer = Environment.GetEnvironmentVariable("DQ_SERVER");
        return new DataQualitySettings(string.IsNullOrWhiteSpace(envServer) ? NullIfEmpty(server) : envServer, values);
    }

    /// <summary>Replaces <c>${name}</c> with the variable's value (then <c>DQ_VAR_name</c>); an unknown variable is DQ1030 naming the file that used it.</summary>
    public string Substitute(string text, SourceLocation? where = null) => new VariableValues(Variables).Resolve(text, where);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
