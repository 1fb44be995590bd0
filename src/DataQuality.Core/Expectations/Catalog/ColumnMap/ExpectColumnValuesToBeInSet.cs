using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

public sealed class ExpectColumnValuesToBeInSet : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_in_set";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.ValueSet];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var set = context.Kwargs.RequiredArray("value_set");
        return set.Count == 0 ? "TRUE" : $"{ident} NOT IN ({string.Join(", ", set.Select(v => PlanContext.Literal(v, column)))})";
    }
}
