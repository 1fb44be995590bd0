using System.Collections;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.Statistics;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// GX semantics: a one-sample two-sided Kolmogorov–Smirnov test of the column against a scipy
/// distribution (<see cref="ParameterizedDistribution"/>); observed_value is the p-value, success
/// when it is ≥ p_value (default 0.05). The KS statistic needs the sorted sample, so the scan
/// aggregates the non-null values with <c>list(col ORDER BY col)</c>: memory grows with the row
/// count (8 bytes a value), which is what GX does too; use it on samples, not billions of rows.
/// The p-value is the asymptotic one with Stephens' correction (see <see cref="KolmogorovSmirnov"/>).
/// </summary>
public sealed class ExpectColumnParameterizedDistributionKsTestPValueToBeGreaterThan : ExpectationDefinition
{
    public override string Type => "expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Required("distribution", ArgumentKind.String, "norm, beta, gamma, uniform, chi2, expon, ..."),
        Arg.Optional("params", ArgumentKind.Any, "The distribution parameters (list or mapping)."),
        Arg.Optional("p_value", ArgumentKind.Number, "Smallest passing p-value.", "0.05"),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        if (!column.Family.IsNumeric())
            throw new ExpectationArgumentException("DQ5503", $"{Type}: column '{column.Name}' is {column.Type}, the KS test needs a numeric column", context.Config.Location);
        var distribution = context.Kwargs.RequiredString("distribution");
        var (args, cdf) = ParameterizedDistribution.Resolve(context, distribution, context.Kwargs.Node("params"));
        var pThreshold = context.Kwargs.OptionalNumber("p_value") ?? 0.05;
        if (pThreshold is < 0 or > 1) throw new ExpectationArgumentException("DQ5503", $"{Type}: p_value must be between 0 and 1", context.Config.Location);
        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var values = SortedValues.Register(context.Scan, ident, condition);
        var counts = ColumnCounts.Register(context.Scan, ident, condition);
        return new PlannedCheck([values, .. counts.Handles], eval =>
        {
            var sample = SortedValues.Read(eval.Values, values);
            var (d, p) = KolmogorovSmirnov.Test(sample, cdf);
            var details = new JsonObject
            {
                ["expected_params"] = PartitionObject.Json(args),
                ["observed_ks_result"] = new JsonObject { ["statistic"] = d, ["pvalue"] = p },
            };
            return eval.Result(p >= pThreshold, counts.Details(eval.Values, JsonValue.Create(p)) with { Details = details });
        });
    }
}

/// <summary>The non-null values of a column as one list aggregate of the shared scan, ascending.</summary>
public static class SortedValues
{
    public static MetricHandle Register(ScanBuilder scan, string ident, string condition)
    {
        var filter = condition == "TRUE" ? $"{ident} IS NOT NULL" : $"{ident} IS NOT NULL AND ({condition})";
        return scan.Aggregate($"list(({ident})::DOUBLE ORDER BY ({ident})::DOUBLE) FILTER (WHERE {filter})");
    }

    public static double[] Read(MetricValues values, MetricHandle handle) =>
        values[handle] is IEnumerable list ? list.Cast<object?>().Where(v => v is not null).Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [];
}
