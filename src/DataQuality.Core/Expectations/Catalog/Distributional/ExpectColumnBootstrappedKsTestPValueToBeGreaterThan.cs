using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.Statistics;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// GX semantics: the expected CDF is the piecewise-linear interpolation of a continuous
/// partition_object (finite edges, no tail_weights); bootstrap_samples (default 1000) samples of
/// bootstrap_sample_size values (default 2 × number of bins) are drawn with replacement from the
/// column and KS-tested against it; observed_value = (1 + #samples with p ≥ p) / (samples + 1),
/// success when it is &gt; p (default 0.05). Details report the observed partition over the same
/// bins, extended to the data's min/max when values fall outside, and both CDFs.
/// Differences from GX: the resampling uses a fixed seed (results are reproducible run to run;
/// GX's use numpy's global RNG), and each sample's p-value is the Stephens-corrected asymptotic one.
/// The values come from one <c>list()</c> aggregate of the scan, so memory grows with the row count.
/// </summary>
public sealed class ExpectColumnBootstrappedKsTestPValueToBeGreaterThan : ExpectationDefinition
{
    private const int Seed = 20_180_101;

    public override string Type => "expect_column_bootstrapped_ks_test_p_value_to_be_greater_than";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Optional("partition_object", ArgumentKind.Object, "GX partition: bins or values, weights, optional tail_weights."),
        Arg.Optional("p", ArgumentKind.Number, "Smallest passing p-value.", "0.05"),
        Arg.Optional("bootstrap_samples", ArgumentKind.Integer, "Number of bootstrap samples.", "1000"),
        Arg.Optional("bootstrap_sample_size", ArgumentKind.Integer, "Size of each bootstrap sample (default: twice the bins)."),
    ];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var partition = PartitionObject.Parse(context)
            ?? throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "partition_object is required");
        if (!partition.IsContinuous) throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "Invalid continuous partition object: the bootstrapped KS test needs bins");
        var bins = partition.Bins!;
        if (bins.Any(double.IsInfinity)) throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "Partition endpoints must be finite");
        if (partition.TailWeights is not null && partition.TailWeights.Any(w => w != 0))
            throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "Partition cannot have tail weights -- endpoints must be finite");
        if (!column.Family.IsNumeric()) throw ExpectColumnKlDivergenceToBeLessThan.Error(context, $"column '{column.Name}' is {column.Type}; the KS test needs a numeric column");
        var p = context.Kwargs.OptionalNumber("p") ?? 0.05;
        var samples = (int)(context.Kwargs.OptionalNumber("bootstrap_samples") ?? 1000);
        var sampleSize = (int)(context.Kwargs.OptionalNumber("bootstrap_sample_size") ?? 2 * partition.Weights.Length);
        if (samples < 1 || sampleSize < 1) throw ExpectColumnKlDivergenceToBeLessThan.Error(context, "bootstrap_samples and bootstrap_sample_size must be positive");

        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var values = SortedValues.Register(context.Scan, ident, condition);
        var counts = ColumnCounts.Register(context.Scan, ident, condition);
        var cdfValues = new double[bins.Length];
        for (var i = 0; i < partition.Weights.Length; i++) cdfValues[i + 1] = cdfValues[i] + partition.Weights[i];

        return new PlannedCheck([values, .. counts.Handles], eval =>
        {
            var data = SortedValues.Read(eval.Values, values);
            if (data.Length == 0)
                return eval.Result(false, counts.Details(eval.Values, null));
            var random = new Random(Seed);
            var sample = new double[sampleSize];
            var passing = 0;
            for (var s = 0; s < samples; s++)
            {
                for (var i = 0; i < sampleSize; i++) sample[i] = data[random.Next(data.Length)];
                if (KolmogorovSmirnov.Test(sample, x => Interpolate(x, bins, cdfValues)).PValue >= p) passing++;
            }
            var result = (1.0 + passing) / (samples + 1);

            var (observedBins, observedWeights) = ObservedPartition(data, bins);
            var observedCdf = new List<double> { 0 };
            foreach (var w in observedWeights) observedCdf.Add(observedCdf[^1] + w);
            var details = new JsonObject
            {
                ["bootstrap_samples"] = samples,
                ["bootstrap_sample_size"] = sampleSize,
                ["observed_partition"] = new JsonObject { ["bins"] = PartitionObject.Json(observedBins), ["weights"] = PartitionObject.Json(observedWeights) },
                ["expected_partition"] = new JsonObject { ["bins"] = PartitionObject.Json(bins), ["weights"] = PartitionObject.Json(partition.Weights) },
                ["observed_cdf"] = new JsonObject { ["x"] = PartitionObject.Json(observedBins), ["cdf_values"] = PartitionObject.Json(observedCdf) },
                ["expected_cdf"] = new JsonObject { ["x"] = PartitionObject.Json(bins), ["cdf_values"] = PartitionObject.Json(cdfValues) },
            };
            return eval.Result(result > p, counts.Details(eval.Values, JsonValue.Create(result)) with { Details = details });
        });
    }

    /// <summary>np.interp: linear between the knots, clamped to the end values outside them.</summary>
    internal static double Interpolate(double x, double[] xs, double[] ys)
    {
        if (x <= xs[0]) return ys[0];
        if (x >= xs[^1]) return ys[^1];
        var i = Array.BinarySearch(xs, x);
        if (i >= 0) return ys[i];
        i = ~i;
        return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
    }

    /// <summary>Histogram over the bins (last bin closed), with an extra bin to the data's min/max for values outside.</summary>
    private static (double[] Bins, double[] Weights) ObservedPartition(double[] sorted, double[] bins)
    {
        var hist = new double[bins.Length - 1];
        double below = 0, above = 0;
        foreach (var v in sorted)
        {
            if (v < bins[0]) { below++; continue; }
            if (v > bins[^1]) { above++; continue; }
            var i = Array.BinarySearch(bins, v);
            i = i >= 0 ? Math.Min(i, hist.Length - 1) : ~i - 1;
            hist[i]++;
        }
        var n = (double)sorted.Length;
        var outBins = new List<double>(bins);
        var weights = hist.ToList();
        if (below > 0) { outBins.Insert(0, sorted[0]); weights.Insert(0, below); }
        if (above > 0) { outBins.Add(sorted[^1]); weights.Add(above); }
        return (outBins.ToArray(), weights.Select(w => w / n).ToArray());
    }
}
