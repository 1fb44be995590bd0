using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// ODCS <c>missingValues</c>: rows where the column is null or one of <c>missing_values</c>
/// (e.g. <c>['', 'N/A']</c>; a null in the list is implied).
/// </summary>
public sealed class DqMissingValues : ContractMetricExpectation
{
    public override string Type => "dq_missing_values";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Column, Arg.Optional("missing_values", ArgumentKind.List, "Values counted as missing besides null.")];
    protected override string MetricName => "missing_count";

    protected override string CountSql(PlanContext context)
    {
        var column = context.Column();
        var ident = PlanContext.Ident(column);
        var values = (context.Kwargs.OptionalArray("missing_values") ?? []).Where(v => v is not null).ToList();
        if (values.Count == 0) return AggregateSql.Count("*", $"{ident} IS NULL");
        // Compared as text so '' and 'N/A' work on any column type without cast errors.
        var list = string.Join(", ", values.Select(v => PlanContext.Literal(v!.DeepClone(), new SchemaColumn("v", "VARCHAR"))));
        return AggregateSql.Count("*", $"{ident} IS NULL OR {ident}::VARCHAR IN ({list})");
    }
}
