using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations;

/// <summary>An ordered list of expectations; results are reported in this order.</summary>
public sealed record ExpectationSuite(string Name, IReadOnlyList<ExpectationConfig> Expectations, SourceLocation? Source = null)
{
    /// <summary>Columns identifying a row in failure samples (GX <c>unexpected_index_column_names</c>).</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>
    /// The dataset location the file names (YAML <c>dataset:</c>, GX JSON <c>meta.dataset</c>), as written
    /// (may hold <c>${var}</c>). Read here so the build-time generator takes it from the engine's own reader.
    /// </summary>
    public string? Dataset { get; init; }

    /// <summary>
    /// Values of GX run-time suite parameters (<c>{"$PARAMETER": "name"}</c> in a bound), set by the front end
    /// that runs the suite: <c>dq validate --var name=value</c>, the xunit adapter's variables. A name not given
    /// here is read from <c>DQ_VAR_name</c>, so every front end agrees.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
