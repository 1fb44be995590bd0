using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// A string value is expected when Python's <c>datetime.strptime(value, strftime_format)</c> would
/// accept it; evaluated with DuckDB's <c>try_strptime</c> after <see cref="StrftimeFormat"/> has
/// checked (and where needed rewritten) the format.
/// </summary>
public sealed class ExpectColumnValuesToMatchStrftimeFormat : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_strftime_format";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("strftime_format", ArgumentKind.String, "Python strftime format every value must have.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var format = StrftimeFormat.ToDuckDb(context.Kwargs.RequiredString("strftime_format"), context.Config);
        if (column.Family != TypeFamily.String)
            throw new ExpectationArgumentException("DQ4410",
                $"Values passed to {Type} must be of type string: column '{column.Name}' is {column.Type}.", context.Config.Location);
        return $"try_strptime({ident}, {SqlText.Literal(format)}) IS NULL";
    }
}
