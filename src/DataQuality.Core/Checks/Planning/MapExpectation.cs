using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// GX map expectations (column map, column pair, multicolumn), where every row is expected or
/// unexpected. This class is where <c>mostly</c>, the null denominator, vacuous success and the
/// unexpected_* result fields are decided, once for all of them:
/// success ⇔ nonmissing = 0 ∨ (nonmissing − unexpected) / nonmissing ≥ mostly.
/// </summary>
public abstract class MapExpectation : ExpectationDefinition
{
    protected abstract MapSpec Map(PlanContext context);

    public sealed override PlannedCheck Plan(PlanContext context)
    {
        var spec = Map(context);
        var mostly = context.Kwargs.Mostly();
        var condition = context.Condition();
        var scan = context.Scan;
        // The predicates are written without no-op terms (TRUE conditions, FALSE missing tests): the scan
        // evaluates them for every row, so a 30-check suite must cost what a hand-written query costs.
        // A NULL unexpected predicate leaves the row uncounted (count_if) or out of WHERE, so it needs no coalesce.
        var noMissing = spec.Missing == "FALSE";
        var element = scan.Aggregate(Count(condition));
        // Non-null counts come from count(column) when the spec allows it (cheap); missing = element − non-missing.
        MetricHandle? nonNull = spec.NullableColumn is { } nullable ? scan.Aggregate(CountOf(nullable, condition)) : null;
        MetricHandle? missing = noMissing || nonNull is not null ? null : scan.Aggregate(Count(And(condition, $"({spec.Missing})")));
        var unexpectedWhere = And(condition, noMissing ? "TRUE" : $"NOT ({spec.Missing})", $"({spec.Unexpected})");
        // count(column) skips the nulls itself, so the scan needs no per-row "NOT (column IS NULL)" term;
        // the sample queries keep the explicit form.
        var unexpected = scan.Aggregate(spec.NullableColumn is { } col
            ? CountOf(col, And(condition, $"({spec.Unexpected})"))
            : Count(unexpectedWhere));
        var format = context.ResultFormat;

        var metrics = new[] { element, missing ?? nonNull, unexpected }.OfType<MetricHandle>().ToList();
        return new PlannedCheck(metrics, eval =>
        {
            var elementCount = eval.Values.Long(element);
            var missingCount = missing is { } mh ? eval.Values.Long(mh) : nonNull is { } nm ? elementCount - eval.Values.Long(nm) : 0;
            var unexpectedCount = eval.Values.Long(unexpected);
            var nonMissing = elementCount - missingCount;
            var success = nonMissing == 0 || unexpectedCount == 0 || (double)(nonMissing - unexpectedCount) / nonMissing >= mostly;

            double? Percent(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;
            var denominator = spec.MissingIsReported ? nonMissing : elementCount;
            var details = new ResultDetails
            {
                ElementCount = elementCount,
                UnexpectedCount = unexpectedCount,
                UnexpectedPercent = Percent(unexpectedCount, denominator),
                UnexpectedPercentTotal = Percent(unexpectedCount, elementCount),
                UnexpectedPercentNonmissing = spec.MissingIsReported ? Percent(unexpectedCount, nonMissing) : null,
                MissingCount = spec.MissingIsReported ? missingCount : null,
                MissingPercent = spec.MissingIsReported ? Percent(missingCount, elementCount) : null,
            };

            // Samples are a follow-up query, bounded, and only when there is something to show:
            // at BASIC/SUMMARY only for failed checks, at COMPLETE whenever a value was unexpected.
            var wantSamples = unexpectedCount > 0 && format.Level != ResultFormatLevel.BooleanOnly
                && (!success || format.Level == ResultFormatLevel.Complete);
            if (wantSamples)
                details = AddSamples(eval, spec, unexpectedWhere, details);
            else if (format.Level != ResultFormatLevel.BooleanOnly)
                details = details with { PartialUnexpectedList = [], PartialUnexpectedCounts = format.Level >= ResultFormatLevel.Summary ? [] : null };

            return eval.Result(success, details) with { Sql = $"SELECT count(*) FROM ({eval.SourceSql}) AS {ScanBuilder.SourceAlias} WHERE {unexpectedWhere}" };
        });
    }

    /// <summary>GX's wording when partial_unexpected_counts cannot be built because sample values are dicts.</summary>
    public const string UnhashableCountsError = "partial_unexpected_counts requested, but requires a hashable type";

    private static string Count(string where) => AggregateSql.Count("*", where);

    private static string CountOf(string what, string where) => AggregateSql.Count(what, where);

    /// <summary>Conjunction without TRUE terms (TRUE when nothing is left).</summary>
    protected static string And(params string[] terms)
    {
        var kept = terms.Where(t => t != "TRUE").ToList();
        return kept.Count == 0 ? "TRUE" : string.Join(" AND ", kept);
    }

    private static ResultDetails AddSamples(EvaluationContext eval, MapSpec spec, string unexpectedWhere, ResultDetails details)
    {
        var format = eval.ResultFormat;
        var keys = format.UnexpectedIndexColumnNames;
        var limit = format.Level == ResultFormatLevel.Complete ? format.CompleteLimit : format.PartialUnexpectedCount;
        var parts = ValueParts(spec);
        var partSelect = string.Join(", ", parts.Select((p, i) => $"{p.Sql} AS __dq_v{Num(i)}"));
        var keySelect = string.Concat(keys.Select((k, i) => $", {SqlText.Identifier(k)} AS __dq_k{Num(i)}"));
        var rows = eval.Query($"SELECT {partSelect}{keySelect} FROM {ScanBuilder.SourceAlias} WHERE {unexpectedWhere} LIMIT {Num(limit)}");

        var values = rows.Select(r => Assemble(spec, parts, r)).ToList();
        var partial = new JsonArray(values.Take(format.PartialUnexpectedCount).Select(v => v?.DeepClone()).ToArray());
        details = details with { PartialUnexpectedList = partial };

        if (format.Level >= ResultFormatLevel.Summary)
        {
            if (spec.Shape == MapValueShape.Record)
            {
                details = details with { Details = new JsonObject { ["partial_unexpected_counts_error"] = UnhashableCountsError } };
            }
            else
            {
                var groupBy = string.Join(", ", parts.Select((_, i) => $"__dq_v{Num(i)}"));
                var counts = eval.Query(
                    $"SELECT {partSelect}, count(*) AS count FROM {ScanBuilder.SourceAlias} WHERE {unexpectedWhere} " +
                    $"GROUP BY ALL ORDER BY count DESC, {groupBy} LIMIT {Num(format.PartialUnexpectedCount)}");
                details = details with
                {
                    PartialUnexpectedCounts = new JsonArray(counts.Select(JsonNode (c) =>
                        new JsonObject { ["value"] = Assemble(spec, parts, c), ["count"] = c["count"]?.DeepClone() }).ToArray()),
                };
            }
        }

        if (keys.Count > 0)
        {
            var index = new JsonArray(rows.Select(JsonNode (r) =>
            {
                var entry = new JsonObject();
                for (var i = 0; i < keys.Count; i++)
                    entry[keys[i]] = r["__dq_k" + Num(i)]?.DeepClone();
                for (var i = 0; i < parts.Count; i++)
                    if (parts[i].Name is { } name) entry[name] = r["__dq_v" + Num(i)]?.DeepClone();
                return entry;
            }).ToArray());
            details = format.Level == ResultFormatLevel.Complete
                ? details with { UnexpectedIndexList = index }
                : details with { PartialUnexpectedIndexList = new JsonArray(index.Take(format.PartialUnexpectedCount).Select(n => n?.DeepClone()).ToArray()) };
        }

        if (format.Level == ResultFormatLevel.Complete)
        {
            details = details with
            {
                UnexpectedList = new JsonArray(values.Select(v => v?.DeepClone()).ToArray()),
                UnexpectedIndexQuery = $"SELECT * FROM ({eval.SourceSql}) AS {ScanBuilder.SourceAlias} WHERE {unexpectedWhere}",
            };
        }
        return details;
    }

    private static List<(string? Name, string Sql)> ValueParts(MapSpec spec) =>
        spec.ValueColumns is { } columns
            ? columns.Select(c => ((string?)c.Name, PlanContext.Ident(c))).ToList()
            : [(spec.ValueName, spec.Value)];

    private static JsonNode? Assemble(MapSpec spec, List<(string? Name, string Sql)> parts, JsonObject row)
    {
        switch (spec.Shape)
        {
            case MapValueShape.List:
                return new JsonArray(parts.Select((_, i) => row["__dq_v" + Num(i)]?.DeepClone()).ToArray());
            case MapValueShape.Record:
                var record = new JsonObject();
                for (var i = 0; i < parts.Count; i++)
                    record[parts[i].Name ?? "value" + Num(i)] = row["__dq_v" + Num(i)]?.DeepClone();
                return record;
            default:
                return row["__dq_v0"]?.DeepClone();
        }
    }

    private static string Num(int i) => i.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A map expectation over one column: nulls are missing, the subclass says what is unexpected.</summary>
public abstract class ColumnMapExpectation : MapExpectation
{
    public sealed override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Mostly, .. OwnArguments];

    /// <summary>The arguments this expectation reads besides the ones its family declares.</summary>
    protected abstract IReadOnlyList<ExpectationArgument> OwnArguments { get; }

    protected sealed override MapSpec Map(PlanContext context)
    {
        var column = context.Column();
        var ident = PlanContext.Ident(column);
        return new MapSpec($"{ident} IS NULL", Unexpected(context, column, ident), ident) { ValueName = column.Name, NullableColumn = ident };
    }

    /// <summary>SQL that is true for an unexpected non-null value of <paramref name="ident"/>.</summary>
    protected abstract string Unexpected(PlanContext context, SchemaColumn column, string ident);
}
