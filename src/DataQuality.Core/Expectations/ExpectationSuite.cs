using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations;

/// <summary>An ordered list of expectations; results are reported in this order.</summary>
public sealed record ExpectationSuite(string Name, IReadOnlyList<ExpectationConfig> Expectations, SourceLocation? Source = null)
{
    /// <summary>Columns identifying a row in failure samples (GX <c>unexpected_index_column_names</c>).</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];
}
