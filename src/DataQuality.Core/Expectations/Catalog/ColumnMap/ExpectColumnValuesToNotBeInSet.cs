using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Values in value_set are unexpected; an empty set forbids nothing, and a null in the set matches nothing (nulls are missing).</summary>
public sealed class ExpectColumnValuesToNotBeInSet : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_not_be_in_set";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("value_set", ArgumentKind.List, "The forbidden values.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var set = context.Kwargs.RequiredArray("value_set");
        var values = set.Where(v => v is not null).Select(v => PlanContext.Literal(v, column)).ToList();
        return values.Count == 0 ? "FALSE" : $"{ident} IN ({string.Join(", ", values)})";
    }
}
