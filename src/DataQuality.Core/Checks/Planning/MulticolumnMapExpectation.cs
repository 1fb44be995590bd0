using DataQuality.Core.Expectations.Arguments;
namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// A GX multicolumn map expectation over <c>column_list</c>. <c>ignore_row_if</c> decides which rows
/// are missing: <c>all_values_are_missing</c> (default), <c>any_value_is_missing</c> or <c>never</c>.
/// Samples are <c>{column: value}</c> records (GX reports dicts, hence no partial_unexpected_counts).
/// </summary>
public abstract class MulticolumnMapExpectation : MapExpectation
{
    private static readonly ExpectationArgument IgnoreRowIf =
        Arg.Optional("ignore_row_if", ArgumentKind.String, "all_values_are_missing, any_value_is_missing or never.", "all_values_are_missing");

    public sealed override IReadOnlyList<ExpectationArgument> Arguments => [Arg.ColumnList, IgnoreRowIf, Arg.Mostly, .. OwnArguments];

    /// <summary>The arguments this expectation reads besides the ones its family declares.</summary>
    protected abstract IReadOnlyList<ExpectationArgument> OwnArguments { get; }

    protected sealed override MapSpec Map(PlanContext context)
    {
        var columns = context.Columns("column_list");
        if (columns.Count == 0) throw context.Kwargs.Invalid("column_list must name at least one column.");
        var idents = columns.Select(PlanContext.Ident).ToList();
        var ignore = context.Kwargs.OptionalString("ignore_row_if") ?? "all_values_are_missing";
        var missing = ignore switch
        {
            "all_values_are_missing" => "(" + string.Join(" AND ", idents.Select(i => $"{i} IS NULL")) + ")",
            "any_value_is_missing" => "(" + string.Join(" OR ", idents.Select(i => $"{i} IS NULL")) + ")",
            "never" or "neither" => "FALSE",
            _ => throw context.Kwargs.Invalid($"ignore_row_if must be all_values_are_missing, any_value_is_missing or never, got '{ignore}'."),
        };
        return new MapSpec(missing, Unexpected(context, columns, idents, missing), idents[0])
        {
            ValueColumns = columns,
            Shape = MapValueShape.Record,
        };
    }

    /// <summary>SQL true for an unexpected row among the non-missing ones (<paramref name="missing"/> is given for window filters).</summary>
    protected abstract string Unexpected(PlanContext context, IReadOnlyList<SchemaColumn> columns, IReadOnlyList<string> idents, string missing);
}
