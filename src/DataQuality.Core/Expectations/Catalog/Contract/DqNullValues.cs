using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>ODCS <c>nullValues</c> (and contract <c>required</c>): rows where the column is null.</summary>
public sealed class DqNullValues : ContractMetricExpectation
{
    public override string Type => "dq_null_values";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Column];
    protected override string MetricName => "missing_count";
    protected override string CountSql(PlanContext context) => AggregateSql.Count("*", $"{Ident(context)} IS NULL");
}
