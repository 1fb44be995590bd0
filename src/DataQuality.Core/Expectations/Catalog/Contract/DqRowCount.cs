using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>ODCS <c>rowCount</c>: the number of rows compared with the rule's operator.</summary>
public sealed class DqRowCount : ContractMetricExpectation
{
    public override string Type => "dq_row_count";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [];
    protected override string MetricName => "row_count";
    protected override bool AllowsPercent => false;
    protected override string CountSql(PlanContext context) => "count(*)";
}
