using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.History;

namespace DataQuality.Core.Expectations.Catalog.History;

/// <summary>
/// <c>dq_metric_within_history</c>: a metric from the single scan (row_count, null_count, mean(column), ...)
/// compared with the same metric in earlier runs of the dataset instead of fixed numbers.
/// <list type="bullet">
/// <item><c>method: change</c> (default): against the last run; any of <c>max_increase</c>,
/// <c>max_decrease</c>, <c>max_change</c> (absolute) and <c>max_increase_percent</c>,
/// <c>max_decrease_percent</c>, <c>max_change_percent</c> (of the last value); all given must hold.</item>
/// <item><c>method: stddev</c>: within <c>sigmas</c> (default 3) sample standard deviations of the mean of
/// the last <c>window</c> (default 10) runs; needs <c>min_runs</c> (default 3, at least 2) values.</item>
/// </list>
/// No (or too little) history passes with a note in <c>details</c>: there is nothing to compare with. Errored
/// earlier checks never count; failed ones count unless <c>exclude_failed: true</c>. Runs without a history
/// store are an error (DQ8010): silently passing would hide that the check never compares anything.
/// </summary>
public sealed class DqMetricWithinHistory : ExpectationDefinition
{
    public const string TypeName = "dq_metric_within_history";

    private static readonly string[] ChangeBounds =
        ["max_increase", "max_decrease", "max_change", "max_increase_percent", "max_decrease_percent", "max_change_percent"];

    public override string Type => TypeName;

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Required("metric", ArgumentKind.String, "row_count, null_count, null_percent, non_null_count, distinct_count, mean, min, max, sum, stddev, median."),
        Arg.Optional("column", ArgumentKind.String, "The column the metric is of (not for row_count)."),
        Arg.Optional("key", ArgumentKind.String, "History series name (default: the metric and column)."),
        Arg.Optional("method", ArgumentKind.String, "change or stddev.", "change"),
        Arg.Optional("max_increase", ArgumentKind.Number, "Largest increase over the last run."),
        Arg.Optional("max_decrease", ArgumentKind.Number, "Largest decrease from the last run."),
        Arg.Optional("max_change", ArgumentKind.Number, "Largest change either way."),
        Arg.Optional("max_increase_percent", ArgumentKind.Number, "Largest increase in percent of the last value."),
        Arg.Optional("max_decrease_percent", ArgumentKind.Number, "Largest decrease in percent of the last value."),
        Arg.Optional("max_change_percent", ArgumentKind.Number, "Largest change in percent either way."),
        Arg.Optional("sigmas", ArgumentKind.Number, "stddev: allowed standard deviations from the mean.", "3"),
        Arg.Optional("window", ArgumentKind.Integer, "stddev: runs averaged.", "10"),
        Arg.Optional("min_runs", ArgumentKind.Integer, "stddev: runs needed before comparing.", "3"),
        Arg.Optional("exclude_failed", ArgumentKind.Boolean, "Leave runs whose check failed out of the history.", "false"),
    ];

    public override IReadOnlyList<string> Aliases => ["expect_metric_within_history"];

    /// <summary>The history key: the <c>key</c> kwarg, else <c>metric</c> or <c>metric(column)</c>, plus any row_condition.</summary>
    public static string KeyOf(ExpectationConfig config)
    {
        if (config.Kwargs["key"] is JsonValue k && k.TryGetValue<string>(out var explicitKey) && !string.IsNullOrWhiteSpace(explicitKey)) return explicitKey;
        var metric = config.Kwargs["metric"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : "metric";
        return HistoryKeys.WithCondition(config.Column is { } column ? $"{metric}({column})" : metric, config);
    }

    public override PlannedCheck Plan(PlanContext context)
    {
        var kw = context.Kwargs;
        var config = context.Config;
        var metric = kw.RequiredString("metric");
        var method = kw.OptionalString("method") ?? "change";
        if (method is not ("change" or "stddev"))
            throw Bad(context, $"method must be 'change' or 'stddev', got '{method}'.");

        var limits = ChangeBounds.ToDictionary(b => b, b => kw.OptionalNumber(b));
        foreach (var (name, value) in limits)
            if (value is < 0) throw Bad(context, $"'{name}' must not be negative.");
        var sigmas = kw.OptionalNumber("sigmas") ?? 3;
        var window = (int)(kw.OptionalNumber("window") ?? 10);
        var minRuns = (int)(kw.OptionalNumber("min_runs") ?? 3);
        var includeFailed = !kw.Bool("exclude_failed", false);
        if (method == "change" && limits.Values.All(v => v is null))
            throw Bad(context, $"method 'change' needs at least one of {string.Join(", ", ChangeBounds)}.");
        if (method == "stddev" && (sigmas <= 0 || window < 2 || minRuns < 2 || minRuns > window))
            throw Bad(context, "method 'stddev' needs sigmas > 0 and 2 <= min_runs <= window.");

        var history = context.History
            ?? throw new ExpectationArgumentException(HistoryErrorCodes.NoStore,
                $"{config.Type}: no history store for this run; pass --history DIR|s3://bucket/prefix (docs/history.md).", config.Location);
        var (handles, read) = HistoryMetric.Register(context, metric);
        var key = KeyOf(config);
        var points = history.Last(key, method == "change" ? 1 : window, includeFailed);

        return new PlannedCheck(handles, eval =>
        {
            var observed = read(eval.Values);
            var details = new JsonObject
            {
                ["metric"] = metric,
                ["key"] = key,
                ["method"] = method,
                ["history_runs"] = points.Count,
                ["history"] = new JsonArray(points.Select(p => (JsonNode)JsonValue.Create(p.Value)).ToArray()),
            };
            var observedJson = observed is { } o ? Number(o) : null;
            if (points.Count == 0 || (method == "stddev" && points.Count < minRuns))
            {
                details["note"] = points.Count == 0
                    ? "no history for this metric yet: nothing to compare with, so the check passes; this run's value is the first."
                    : $"only {points.Count} earlier run(s), fewer than min_runs {minRuns}: the check passes until there are enough.";
                details["summary"] = points.Count == 0 ? $"{key}: no history yet, nothing to compare with" : $"{key}: {points.Count} of min_runs {minRuns} earlier runs, not compared yet";
                return eval.Result(true, new ResultDetails { ObservedValue = observedJson, Details = details });
            }

            double lower, upper;
            if (method == "change")
            {
                var last = points[^1].Value;
                (lower, upper) = ChangeRange(last, limits);
                details["last_value"] = last;
                details["last_run_id"] = points[^1].RunId;
                if (observed is { } v)
                {
                    details["change"] = v - last;
                    if (last != 0) details["change_percent"] = (v - last) / Math.Abs(last) * 100;
                }
            }
            else
            {
                var values = points.Select(p => p.Value).ToList();
                var mean = values.Average();
                var sd = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Count - 1));
                (lower, upper) = (mean - sigmas * sd, mean + sigmas * sd);
                details["mean"] = mean;
                details["stddev"] = sd;
                details["sigmas"] = sigmas;
                if (observed is { } v && sd > 0) details["z_score"] = (v - mean) / sd;
            }
            // An unbounded side (only a max_decrease given, say) is null, as GX writes an open bound.
            details["min_value"] = double.IsFinite(lower) ? lower : null;
            details["max_value"] = double.IsFinite(upper) ? upper : null;
            if (observed is null) details["note"] = "the metric is null for this run (no rows or no non-null values), which is never within history.";
            var range = $"allowed {F(lower)}..{F(upper)}";
            details["summary"] = method == "change"
                ? $"{key}: {range} from last run's {F(points[^1].Value)}" + (details["change_percent"] is { } pct ? $" ({(double)pct:+0.##;-0.##;0}%)" : "")
                : $"{key}: {range} = mean {F((double)details["mean"]!)} ± {F(sigmas)}σ of {points.Count} runs";
            var success = observed is { } x && x >= lower - Tolerance(lower) && x <= upper + Tolerance(upper);
            return eval.Result(success, new ResultDetails { ObservedValue = observedJson, Details = details });
        });
    }

    /// <summary>The range every given change limit allows around the last value (their intersection).</summary>
    private static (double Lower, double Upper) ChangeRange(double last, Dictionary<string, double?> limits)
    {
        double lower = double.NegativeInfinity, upper = double.PositiveInfinity;
        var scale = Math.Abs(last) / 100;
        void Down(double? d) { if (d is { } x) lower = Math.Max(lower, last - x); }
        void Up(double? d) { if (d is { } x) upper = Math.Min(upper, last + x); }
        Down(limits["max_decrease"]);
        Down(limits["max_change"]);
        Down(limits["max_decrease_percent"] * scale);
        Down(limits["max_change_percent"] * scale);
        Up(limits["max_increase"]);
        Up(limits["max_change"]);
        Up(limits["max_increase_percent"] * scale);
        Up(limits["max_change_percent"] * scale);
        return (lower, upper);
    }

    // Percent bounds are computed in floating point: 100 - 10% must admit exactly 90.
    private static double Tolerance(double bound) => double.IsFinite(bound) ? Math.Max(1e-9, Math.Abs(bound) * 1e-12) : 0;

    private static string F(double d) => double.IsPositiveInfinity(d) ? "∞" : double.IsNegativeInfinity(d) ? "-∞" : d.ToString("0.####", CultureInfo.InvariantCulture);

    private static JsonNode Number(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 1e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);

    private static ExpectationArgumentException Bad(PlanContext context, string message) =>
        new(HistoryErrorCodes.BadArguments, $"{context.Config.Type}: {message}", context.Config.Location);
}
