using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.Profiling;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// Drift of a column against a reference profile written by <c>dq profile --out</c>
/// (kwargs: column, reference_profile, method psi|ks, threshold). The statistic is observed_value;
/// the expectation fails when it is ≥ threshold. The reference side comes from the profile's
/// sketches (KLL quantiles, top-k values); the current side is computed exactly by DuckDB aggregates
/// in the shared scan, so it works on any source the engine reads (CSV, JSON, row_condition)
/// without a second pass. PSI (numeric): 10 bins cut at the reference's deciles, current
/// proportions counted exactly, empty bins floored at <see cref="Drift.PsiFloor"/>. PSI (text,
/// boolean): the reference's top values plus one "other" bucket. KS (numeric): sup |F_ref − F_cur|
/// with F_cur from 1001 <c>approx_quantile</c> (t-digest) quantiles of the current data; exact
/// <c>quantile_cont</c> with that many probabilities was 200× slower (docs/semantics.md).
/// </summary>
public sealed class DqColumnDistributionDrift : ExpectationDefinition
{
    private const int PsiBins = 10;
    private const int KsQuantiles = 1000;

    public override string Type => "dq_column_distribution_drift";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Required("reference_profile", ArgumentKind.String, "A dq profile JSON to compare with."),
        Arg.Optional("method", ArgumentKind.String, "psi or ks.", "psi"),
        Arg.Optional("threshold", ArgumentKind.Number, "Fail when the statistic reaches it (instead of operator/value)."),
        .. Arg.Threshold,
    ];

    public override IReadOnlyList<string> Aliases => ["distribution_drift"];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var kwargs = context.Kwargs;
        var method = (kwargs.OptionalString("method") ?? "psi").ToLowerInvariant();
        if (method is not ("psi" or "ks"))
            throw Error(context, "DQ5510", $"method must be psi or ks, got '{method}'");
        // Suites give `threshold` (fail when the statistic is ≥ it); contracts give an ODCS operator.
        var threshold = Threshold.ReadFrom(kwargs.Raw) ?? new Threshold("mustBeLessThan", kwargs.RequiredNumber("threshold"));
        if (!Threshold.Operators.Contains(threshold.Operator)) throw Error(context, "DQ5510", $"unknown operator '{threshold.Operator}'");
        if (double.IsNaN(threshold.Value)) throw Error(context, "DQ5510", "threshold must be a number");
        var path = ResolvePath(context, kwargs.RequiredString("reference_profile"));
        var profile = ProfileJson.ReadAsync(path).GetAwaiter().GetResult();
        var reference = profile.Column(column.Name)
            ?? throw Error(context, "DQ5511", $"reference profile '{path}' has no column '{column.Name}' (it has {string.Join(", ", profile.Columns.Select(c => c.Path))})");
        if (reference.Kind.IsTemporal())
            throw Error(context, "DQ5512", $"drift of temporal column '{column.Name}' is not supported yet (the profile holds Unix microseconds)");

        var ident = PlanContext.Ident(column);
        var condition = context.Condition();
        var counts = ColumnCounts.Register(context.Scan, ident, condition);
        var numeric = reference.Kind.IsNumeric();
        if (numeric && !column.Family.IsNumeric())
            throw Error(context, "DQ5512", $"column '{column.Name}' is {column.Type} but the reference profile has it as {reference.Kind}");
        if (numeric && reference.QuantileSketch is not { Count: > 0 })
            throw Error(context, "DQ5511", $"reference profile '{path}' has no values for column '{column.Name}'");
        if (!numeric && method == "ks")
            throw Error(context, "DQ5512", $"the KS statistic needs a numeric column; '{column.Name}' is {reference.Kind} in the reference profile (use method psi)");

        var details = new JsonObject { ["method"] = method, ["reference_profile"] = path, ["threshold"] = threshold.Describe() };
        if (numeric && method == "psi")
        {
            var sketch = reference.QuantileSketch!;
            var edges = Drift.QuantileEdges(sketch, PsiBins);
            var referenceShares = Drift.Shares(edges.Select(sketch.Cdf).ToArray());
            var cumulative = edges.Select(e => context.Scan.Aggregate(Filter($"({ident})::DOUBLE <= {BinCounts.Num(e)}", condition))).ToArray();
            return new PlannedCheck([.. cumulative, .. counts.Handles], eval =>
            {
                double n = eval.Values.Long(counts.NonNull);
                var current = Drift.Shares(cumulative.Select(h => n == 0 ? 0 : eval.Values.Long(h) / n).ToArray());
                var psi = Drift.Psi(referenceShares, current);
                details["bin_edges"] = PartitionObject.Json(edges);
                details["reference_shares"] = PartitionObject.Json(referenceShares);
                details["current_shares"] = PartitionObject.Json(current);
                return Finish(eval, counts, psi, threshold, details, n, reference.NonNullCount);
            });
        }
        if (numeric)
        {
            var sketch = reference.QuantileSketch!;
            var probabilities = Enumerable.Range(0, KsQuantiles + 1).Select(i => (double)i / KsQuantiles).ToArray();
            var list = "[" + string.Join(", ", probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + "]";
            var quantiles = context.Scan.Aggregate(AggregateSql.Filtered($"approx_quantile(({ident})::DOUBLE, {list})", condition));
            return new PlannedCheck([quantiles, .. counts.Handles], eval =>
            {
                var q = eval.Values[quantiles] is IEnumerable e ? e.Cast<object?>().Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray() : [];
                var d = q.Length == 0 ? double.NaN : KsDistance(sketch, q, probabilities);
                return Finish(eval, counts, d, threshold, details, eval.Values.Long(counts.NonNull), reference.NonNullCount);
            });
        }

        var top = reference.TopValues;
        var matches = top.Select(t => context.Scan.Aggregate(Filter($"({ident})::VARCHAR = {SqlText.Literal(t.Value)}", condition))).ToArray();
        var referenceTop = top.Select(t => reference.NonNullCount == 0 ? 0 : (double)t.Count / reference.NonNullCount).ToList();
        referenceTop.Add(Math.Max(0, 1 - referenceTop.Sum()));
        return new PlannedCheck([.. matches, .. counts.Handles], eval =>
        {
            double n = eval.Values.Long(counts.NonNull);
            var current = matches.Select(h => n == 0 ? 0 : eval.Values.Long(h) / n).ToList();
            current.Add(Math.Max(0, 1 - current.Sum()));
            details["values"] = new JsonArray([.. top.Select(t => (JsonNode?)JsonValue.Create(t.Value)), JsonValue.Create("(other)")]);
            details["reference_shares"] = PartitionObject.Json(referenceTop);
            details["current_shares"] = PartitionObject.Json(current);
            return Finish(eval, counts, Drift.Psi(referenceTop, current), threshold, details, n, reference.NonNullCount);
        });
    }

    private static Checks.ExpectationResult Finish(EvaluationContext eval, ColumnCounts counts, double statistic, Threshold threshold, JsonObject details, double nonNull, long referenceNonNull)
    {
        // Too small a sample on either side gives a large statistic for no shift at all (PSI 4.7 on 5 rows):
        // the check is not evaluable, reported as a warning with the reason rather than a verdict on noise.
        if (Drift.TooFewRows(referenceNonNull, (long)nonNull) is { } reason)
        {
            details["not_evaluable"] = reason;
            details["summary"] = "not evaluable: " + reason;
            return eval.Result(false, counts.Details(eval.Values, null) with { Details = details }) with { Status = Checks.CheckStatus.Warned };
        }
        // No current values: nothing to compare, which is a failure (as GX treats an empty distribution).
        var ok = nonNull > 0 && !double.IsNaN(statistic);
        return eval.Result(ok && threshold.Accepts(statistic), counts.Details(eval.Values, ok ? JsonValue.Create(statistic) : null) with { Details = details });
    }

    private static string Filter(string predicate, string condition) =>
        $"count(*) FILTER (WHERE {(condition == "TRUE" ? predicate : $"({condition}) AND {predicate}")})::BIGINT";

    /// <summary>sup |F_ref − F_cur| over the reference sketch's values and the current quantiles; F_cur is linear between quantiles.</summary>
    private static double KsDistance(Profiling.Sketches.KllSketch sketch, double[] q, double[] p)
    {
        double CurrentCdf(double x)
        {
            if (x < q[0]) return 0;
            if (x >= q[^1]) return 1;
            var i = Array.BinarySearch(q, x);
            if (i >= 0) { while (i + 1 < q.Length && q[i + 1] == x) i++; return p[i]; }
            i = ~i;
            return p[i - 1] + (p[i] - p[i - 1]) * (x - q[i - 1]) / (q[i] - q[i - 1]);
        }
        // One sorted view of the sketch (KllSketch.Cdf rebuilds it per call), then F_ref by binary search.
        var (values, cumulative) = sketch.SortedView();
        var total = cumulative[^1];
        double ReferenceCdf(double x)
        {
            var i = Array.BinarySearch(values, x);
            if (i >= 0) { while (i + 1 < values.Length && values[i + 1] == x) i++; return cumulative[i] / total; }
            i = ~i;
            return i == 0 ? 0 : cumulative[i - 1] / total;
        }
        var d = 0.0;
        foreach (var x in values.Concat(q)) d = Math.Max(d, Math.Abs(ReferenceCdf(x) - CurrentCdf(x)));
        return d;
    }

    private static string ResolvePath(PlanContext context, string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var suiteFile = context.Config.Location?.Path;
        var baseDir = suiteFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(suiteFile)) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDir, path));
    }

    private static ExpectationArgumentException Error(PlanContext context, string code, string message) =>
        new(code, $"{context.Config.Type}: {message}", context.Config.Location);
}
