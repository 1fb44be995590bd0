namespace DataQuality.Core.Checks;

/// <summary>GX result_format levels: how much detail a result carries.</summary>
public enum ResultFormatLevel
{
    BooleanOnly,
    Basic,
    Summary,
    Complete,
}

/// <summary>GX result_format as a dict: level plus sample size and primary-key columns.</summary>
public sealed record ResultFormat
{
    public ResultFormatLevel Level { get; init; } = ResultFormatLevel.Summary;

    /// <summary>Size of <c>partial_unexpected_list</c> (GX default 20).</summary>
    public int PartialUnexpectedCount { get; init; } = 20;

    /// <summary>Columns that key <c>unexpected_index_list</c>; empty = no index list.</summary>
    public IReadOnlyList<string> UnexpectedIndexColumnNames { get; init; } = [];

    /// <summary>Upper bound on <c>unexpected_list</c>/<c>unexpected_index_list</c> at COMPLETE, so a bad column cannot flood memory.</summary>
    public int CompleteLimit { get; init; } = 10_000;

    public static ResultFormat Default { get; } = new();
}
