using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// Increasing/decreasing in source row order (<see cref="DataSource.OrderBy"/> when given): each
/// non-null value is compared with the previous non-null value among the rows in scope (nulls are
/// skipped, as GX does); the first value has nothing to compare with and is expected. The previous
/// value is a window column of the shared scan.
/// </summary>
internal static class Monotonic
{
    public static string Unexpected(PlanContext context, SchemaColumn column, string ident, bool increasing)
    {
        if (column.Family is TypeFamily.Nested or TypeFamily.Binary or TypeFamily.Other)
            throw new ExpectationArgumentException("DQ4410", $"{context.Config.Type}: column '{column.Name}' is {column.Type}, which has no order to check.", context.Config.Location);
        var strictly = context.Kwargs.Bool("strictly", false);
        var row = context.Scan.RowNumber();
        var previous = context.Scan.Derived(
            $"last_value(CASE WHEN {context.Condition()} THEN {ident} END IGNORE NULLS) OVER (ORDER BY {row} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)");
        var op = (increasing, strictly) switch
        {
            (true, false) => "<",
            (true, true) => "<=",
            (false, false) => ">",
            (false, true) => ">=",
        };
        return $"{ident} {op} {previous}";
    }
}
