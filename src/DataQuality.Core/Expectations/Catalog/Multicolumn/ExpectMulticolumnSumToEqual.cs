using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Multicolumn;

/// <summary>
/// The row's sum over column_list must equal sum_total exactly. A null adds nothing (pandas
/// <c>sum(axis=1)</c> skips NaN); rows whose values are all null are ignored by default.
/// </summary>
public sealed class ExpectMulticolumnSumToEqual : MulticolumnMapExpectation
{
    public override string Type => "expect_multicolumn_sum_to_equal";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("sum_total", ArgumentKind.Number, "The sum every row must have.")];

    protected override string Unexpected(PlanContext context, IReadOnlyList<SchemaColumn> columns, IReadOnlyList<string> idents, string missing)
    {
        var total = context.Kwargs.Node("sum_total") ?? throw context.Kwargs.Missing("sum_total", "a number");
        context.Kwargs.RequiredNumber("sum_total");
        foreach (var c in columns)
            if (!c.Family.IsNumeric())
                throw new ExpectationArgumentException("DQ4410", $"{context.Config.Type}: column '{c.Name}' is {c.Type}; sum_total needs numeric columns.", context.Config.Location);
        var sum = string.Join(" + ", idents.Select(i => $"coalesce({i}, 0)"));
        return $"({sum}) <> {PlanContext.Literal(total)}";
    }
}
