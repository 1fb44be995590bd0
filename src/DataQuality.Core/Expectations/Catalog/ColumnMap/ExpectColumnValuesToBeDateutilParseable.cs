using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// python-dateutil's parser accepts almost any date-like text; DuckDB has no equivalent, so a value
/// is expected when it (trimmed) casts to a TIMESTAMP or is in the subset <see cref="DateutilFormats"/>
/// recognises (ISO 8601, numeric month-first and day-first dates, month names, times, years). The list is documented in docs/semantics.md; text dateutil would accept in a form
/// outside it counts as unexpected.
/// </summary>
public sealed class ExpectColumnValuesToBeDateutilParseable : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_dateutil_parseable";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        if (column.Family != TypeFamily.String)
            throw new ExpectationArgumentException("DQ4410",
                $"Values passed to {Type} must be of type string: column '{column.Name}' is {column.Type}.", context.Config.Location);
        return $"NOT ({DateutilFormats.Parseable($"trim({ident})")})";
    }
}
