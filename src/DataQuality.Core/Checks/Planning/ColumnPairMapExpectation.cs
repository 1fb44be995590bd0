using DataQuality.Core.Expectations.Arguments;
namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// A GX column pair map expectation over <c>column_A</c> and <c>column_B</c>. <c>ignore_row_if</c>
/// decides which rows are missing (left out of the denominator): <c>both_values_are_missing</c>
/// (default), <c>either_value_is_missing</c> or <c>neither</c>. A row that is not ignored and has
/// a null is unexpected unless the subclass's predicate says otherwise (GX/pandas compare NaN as false).
/// Samples are <c>[A, B]</c> lists; index entries carry both columns by name.
/// </summary>
public abstract class ColumnPairMapExpectation : MapExpectation
{
    private static readonly ExpectationArgument IgnoreRowIf =
        Arg.Optional("ignore_row_if", ArgumentKind.String, "both_values_are_missing, either_value_is_missing or neither.", "both_values_are_missing");

    public sealed override IReadOnlyList<ExpectationArgument> Arguments => [Arg.ColumnA, Arg.ColumnB, IgnoreRowIf, Arg.Mostly, .. OwnArguments];

    /// <summary>The arguments this expectation reads besides the ones its family declares.</summary>
    protected abstract IReadOnlyList<ExpectationArgument> OwnArguments { get; }

    protected sealed override MapSpec Map(PlanContext context)
    {
        var a = context.Column("column_A");
        var b = context.Column("column_B");
        var identA = PlanContext.Ident(a);
        var identB = PlanContext.Ident(b);
        var ignore = context.Kwargs.OptionalString("ignore_row_if") ?? "both_values_are_missing";
        var missing = ignore switch
        {
            "both_values_are_missing" => $"({identA} IS NULL AND {identB} IS NULL)",
            "either_value_is_missing" => $"({identA} IS NULL OR {identB} IS NULL)",
            "neither" or "never" => "FALSE",
            _ => throw context.Kwargs.Invalid($"ignore_row_if must be both_values_are_missing, either_value_is_missing or neither, got '{ignore}'."),
        };
        var expected = Expected(context, a, b, identA, identB);
        return new MapSpec(missing, $"NOT coalesce(({expected}), FALSE)", identA)
        {
            ValueColumns = [a, b],
            Shape = MapValueShape.List,
        };
    }

    /// <summary>
    /// The two operands made comparable: when one side is text and the other is not, the text is
    /// TRY_CAST to the other side's type, so "abc" against a number is simply unequal (as in pandas)
    /// instead of a DuckDB conversion error.
    /// </summary>
    protected static (string A, string B) Comparable(SchemaColumn a, SchemaColumn b, string identA, string identB)
    {
        var textA = a.Family == TypeFamily.String;
        var textB = b.Family == TypeFamily.String;
        if (textA == textB || a.Family is TypeFamily.Nested or TypeFamily.Other || b.Family is TypeFamily.Nested or TypeFamily.Other) return (identA, identB);
        return textA ? ($"TRY_CAST({identA} AS {b.Type})", identB) : (identA, $"TRY_CAST({identB} AS {a.Type})");
    }

    /// <summary>SQL true when the pair is as expected; null (a comparison with a null) counts as unexpected.</summary>
    protected abstract string Expected(PlanContext context, SchemaColumn a, SchemaColumn b, string identA, string identB);
}
