using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.Statistics;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// GX semantics: the KL divergence KL(observed ‖ expected) of the column's distribution from
/// partition_object must be ≤ threshold (threshold null: always succeeds). Categorical partitions
/// compare value counts; values seen but not expected share tail_weight_holdout (expected weights
/// are scaled by 1 - holdout); internal_weight_holdout is an error there. Continuous partitions
/// compare the histogram over the bins plus the mass below/above them: expected weights are scaled
/// by 1 - tail - internal holdout, zero-weight bins share internal_weight_holdout, and the
/// tails get tail_weights, tail_weight_holdout (halved for two finite ends) or the infinite end
/// bins. An infinite divergence is reported as observed_value null. Without partition_object the
/// partition is built from the data itself (GX's profiling mode), so the divergence is 0 by
/// construction.
/// </summary>
public sealed class ExpectColumnKlDivergenceToBeLessThan : ExpectationDefinition
{
    public override string Type => "expect_column_kl_divergence_to_be_less_than";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Optional("partition_object", ArgumentKind.Object, "GX partition: bins or values, weights, optional tail_weights."),
        Arg.Optional("threshold", ArgumentKind.Number, "Largest passing KL divergence."),
        Arg.Optional("tail_weight_holdout", ArgumentKind.Number, "Weight held out for the tails.", "0"),
        Arg.Optional("internal_weight_holdout", ArgumentKind.Number, "Weight held out for empty internal bins.", "0"),
        Arg.Optional("bucketize_data", ArgumentKind.Boolean, "Bin numeric data by the partition.", "true"),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var kwargs = context.Kwargs;
        var partition = PartitionObject.Parse(context);
        var threshold = kwargs.OptionalNumber("threshold");
        var tailHoldout = kwargs.OptionalNumber("tail_weight_holdout") ?? 0;
        var internalHoldout = kwargs.OptionalNumber("internal_weight_holdout") ?? 0;
        var bucketize = kwargs.Bool("bucketize_data", true);
        if (threshold is < 0) throw Error(context, "threshold must be greater than or equal to zero");
        if (tailHoldout is < 0 or > 1) throw Error(context, "tail_weight_holdout must be between zero and one (less than or equal to 1)");
        if (internalHoldout is < 0 or > 1) throw Error(context, "internal_weight_holdout must be between zero and one (less than or equal to 1)");
        if (partition is not null && tailHoldout != 0 && partition.TailWeights is not null)
            throw Error(context, "tail_weight_holdout must be 0 when using tail_weights in partition object");

        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var counts = ColumnCounts.Register(context.Scan, ident, condition);

        if (partition is null)
        {
            // A partition built from the data compared with the same data: KL(p ‖ p) = 0.
            return new PlannedCheck(counts.Handles, eval =>
                eval.Result(true, counts.Details(eval.Values, JsonValue.Create(0.0)) with { MissingCount = null, MissingPercent = null }));
        }

        if (partition.IsCategorical)
        {
            if (internalHoldout > 0) throw Error(context, "Internal weight holdout cannot be used for discrete data");
            var histogram = ColumnHistogram.Register(context.Scan, ident, condition);
            return new PlannedCheck([histogram, .. counts.Handles], eval =>
            {
                var nonNull = eval.Values.Long(counts.NonNull);
                var table = CategoricalTable.Build(column, partition, ColumnHistogram.Read(eval.Values, histogram));
                var observed = table.Observed.Select(c => nonNull == 0 ? 0 : c / nonNull).ToArray();
                var expected = table.ExpectedWithHoldout(tailHoldout);
                var kl = Entropy.KlDivergence(observed, expected);
                var details = new JsonObject
                {
                    ["observed_partition"] = new JsonObject { ["values"] = table.ValuesJson(), ["weights"] = PartitionObject.Json(observed) },
                    ["expected_partition"] = new JsonObject { ["values"] = table.ValuesJson(), ["weights"] = PartitionObject.Json(expected) },
                };
                return Result(eval, counts, kl, threshold, details);
            });
        }

        if (!bucketize) throw Error(context, "KL Divergence cannot be computed with a continuous partition object and the bucketize_data parameter set to false");
        if (!column.Family.IsNumeric()) throw Error(context, $"a continuous partition (bins) needs a numeric column; '{column.Name}' is {column.Type}");
        var bins = partition.Bins!;
        var lowerInf = double.IsNegativeInfinity(bins[0]);
        var upperInf = double.IsPositiveInfinity(bins[^1]);
        if ((lowerInf || upperInf) && partition.TailWeights is not null)
            throw Error(context, "There can be no tail weights for partitions with one or both endpoints at infinity");
        if (lowerInf && upperInf && tailHoldout > 0)
            throw Error(context, "tail_weight_holdout cannot be used for partitions with infinite endpoints");
        var binCounts = BinCounts.Register(context.Scan, ident, condition, bins);
        return new PlannedCheck([.. binCounts.Handles, .. counts.Handles], eval =>
        {
            double nonNull = eval.Values.Long(counts.NonNull);
            var observed = binCounts.Read(eval.Values).Select(c => c / nonNull).ToArray();
            var below = eval.Values.Long(binCounts.Below) / nonNull;
            var above = eval.Values.Long(binCounts.Above) / nonNull;
            var expected = partition.Weights.Select(w => w * (1 - tailHoldout - internalHoldout)).ToArray();
            var zeros = expected.Count(w => w == 0);
            if (internalHoldout > 0 && zeros > 0)
                for (var i = 0; i < expected.Length; i++)
                    if (expected[i] == 0) expected[i] = internalHoldout / zeros;

            double[] edges, combExpected, combObserved, expectedTails, observedTails, mainExpected, mainObserved;
            if (lowerInf && upperInf)
            {
                edges = bins[1..^1];
                (combExpected, combObserved) = (expected, observed);
                (expectedTails, observedTails) = ([expected[0], expected[^1]], [observed[0], observed[^1]]);
                (mainExpected, mainObserved) = (expected[1..^1], observed[1..^1]);
            }
            else if (lowerInf)
            {
                edges = bins[1..];
                (combExpected, combObserved) = ([.. expected, tailHoldout], [.. observed, above]);
                (expectedTails, observedTails) = ([expected[0], tailHoldout], [observed[0], above]);
                (mainExpected, mainObserved) = (expected[1..], observed[1..]);
            }
            else if (upperInf)
            {
                edges = bins[..^1];
                (combExpected, combObserved) = ([tailHoldout, .. expected], [below, .. observed]);
                (expectedTails, observedTails) = ([tailHoldout, expected[^1]], [below, observed[^1]]);
                (mainExpected, mainObserved) = (expected[..^1], observed[..^1]);
            }
            else
            {
                edges = bins;
                expectedTails = partition.TailWeights ?? [tailHoldout / 2, tailHoldout / 2];
                combExpected = [expectedTails[0], .. expected, expectedTails[1]];
                combObserved = [below, .. observed, above];
                observedTails = [below, above];
                (mainExpected, mainObserved) = (expected, observed);
            }

            var kl = nonNull == 0 ? double.NaN : Entropy.KlDivergence(combObserved, combExpected);
            var details = new JsonObject
            {
                ["observed_partition"] = Continuous(edges, mainObserved, observedTails),
                ["expected_partition"] = Continuous(edges, mainExpected, expectedTails),
            };
            return Result(eval, counts, kl, threshold, details);
        });
    }

    private static JsonObject Continuous(double[] bins, double[] weights, double[] tails) => new()
    {
        ["bins"] = PartitionObject.Json(bins),
        ["weights"] = PartitionObject.Json(weights),
        ["tail_weights"] = PartitionObject.Json(tails),
    };

    private static ExpectationResult Result(EvaluationContext eval, ColumnCounts counts, double kl, double? threshold, JsonObject details)
    {
        var finite = !double.IsNaN(kl) && !double.IsInfinity(kl);
        // GX compares the raw divergence: an infinite one fails, a NaN one (no data) fails too.
        var success = threshold is null || kl <= threshold;
        return eval.Result(success, counts.Details(eval.Values, finite ? JsonValue.Create(kl) : null) with
        {
            MissingCount = null,
            MissingPercent = null,
            Details = details,
        });
    }

    internal static ExpectationArgumentException Error(PlanContext context, string message) =>
        new("DQ5502", $"{context.Config.Type}: {message} (ValueError in GX)", context.Config.Location);
}
