using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.Statistics;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// GX semantics: Pearson's chi-square test of the column's value counts against a categorical
/// partition_object (expected count = weight × non-null count); the p-value is observed_value and
/// must be &gt; p (default 0.05). Values seen but not in the partition share tail_weight_holdout
/// (the partition's weights scaled by 1 - holdout); without holdout they are expected 0 times, which
/// makes the statistic infinite and the p-value 0. A continuous partition is an error.
/// </summary>
public sealed class ExpectColumnChisquareTestPValueToBeGreaterThan : ExpectationDefinition
{
    public override string Type => "expect_column_chisquare_test_p_value_to_be_greater_than";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Optional("partition_object", ArgumentKind.Object, "GX partition: bins or values, weights, optional tail_weights."),
        Arg.Optional("p", ArgumentKind.Number, "Smallest passing p-value.", "0.05"),
        Arg.Optional("tail_weight_holdout", ArgumentKind.Number, "Weight held out for values not in the partition.", "0"),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var partition = PartitionObject.Parse(context)
            ?? throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "partition_object is required");
        if (!partition.IsCategorical) throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "the chi-square test needs a categorical partition_object (values and weights)");
        var p = context.Kwargs.OptionalNumber("p") ?? 0.05;
        var holdout = context.Kwargs.OptionalNumber("tail_weight_holdout") ?? 0;
        if (holdout is < 0 or > 1) throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "tail_weight_holdout must be between zero and one (less than or equal to 1)");
        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var histogram = ColumnHistogram.Register(context.Scan, ident, condition);
        var counts = ColumnCounts.Register(context.Scan, ident, condition);
        return new PlannedCheck([histogram, .. counts.Handles], eval =>
        {
            double n = eval.Values.Long(counts.NonNull);
            var table = CategoricalTable.Build(column, partition, ColumnHistogram.Read(eval.Values, histogram));
            var expectedWeights = table.ExpectedWithHoldout(holdout);
            var (_, pValue) = ChiSquare.Test(table.Observed, expectedWeights.Select(w => w * n).ToArray());
            var details = new JsonObject
            {
                ["observed_partition"] = new JsonObject { ["values"] = table.ValuesJson(), ["weights"] = PartitionObject.Json(table.Observed.Select(c => n == 0 ? 0 : c / n)) },
                ["expected_partition"] = new JsonObject { ["values"] = table.ValuesJson(), ["weights"] = PartitionObject.Json(expectedWeights) },
            };
            var observed = double.IsNaN(pValue) ? null : JsonValue.Create(pValue);
            return eval.Result(pValue > p, counts.Details(eval.Values, observed) with
            {
                ElementCount = (long)n,
                MissingCount = null,
                MissingPercent = null,
                Details = details,
            });
        });
    }
}
