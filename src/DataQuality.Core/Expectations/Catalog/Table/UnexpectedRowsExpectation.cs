using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;
using DataQuality.Core.Sql;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>
/// GX <c>UnexpectedRowsExpectation</c>: unexpected_rows_query is the user's own SQL, with
/// <c>{batch}</c> standing for the dataset (restricted by row_condition when one is given); it passes
/// when the query returns no rows. The query is arbitrary SQL, so it cannot join the shared scan and
/// runs on its own: one <c>count(*)</c> over it, then, when rows came back, at most 200 of them as
/// details.unexpected_rows. observed_value is GX's text ("1 unexpected row", "3 unexpected rows");
/// details.unexpected_row_count holds the number. Only a single read-only query is accepted (DQ4704,
/// checked by <see cref="UserSql.Query"/> before the suite runs).
/// </summary>
public sealed class UnexpectedRowsExpectation : ExpectationDefinition
{
    public const int SampleRows = 200;

    public override string Type => "unexpected_rows_expectation";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Required("unexpected_rows_query", ArgumentKind.String, "A read-only query returning the unexpected rows ({batch} is the dataset)."),
    ];

    public override IReadOnlyList<string> Aliases => ["expect_unexpected_rows"];

    public override string? CheckedQuery(Kwargs kwargs, ExpectationConfig config)
    {
        if (kwargs.StringIfPresent("unexpected_rows_query") is not { } query) return null;
        var (sql, error) = UserSql.Query(query);
        return sql ?? throw new ExpectationArgumentException("DQ4704", $"{Type}: unexpected_rows_query is not allowed: {error}.", config.Location);
    }

    public override PlannedCheck Plan(PlanContext context)
    {
        context.Kwargs.RequiredString("unexpected_rows_query");
        var checkedSql = CheckedQuery(context.Kwargs, context.Config)!;
        var condition = context.Condition();
        var batch = condition == "TRUE"
            ? $"(SELECT * FROM {context.Source.RelationSql})"
            : $"(SELECT * FROM {context.Source.RelationSql} WHERE {condition})";
        var sql = checkedSql.Replace("{batch}", batch, StringComparison.Ordinal);

        return new PlannedCheck([], eval =>
        {
            long count;
            IReadOnlyList<JsonObject> sample = [];
            try
            {
                count = eval.Query($"SELECT count(*)::BIGINT AS n FROM ({sql}) AS __dq_unexpected")[0]["n"]!.GetValue<long>();
                if (count > 0 && eval.ResultFormat.Level != ResultFormatLevel.BooleanOnly)
                    sample = eval.Query($"SELECT * FROM ({sql}) AS __dq_unexpected LIMIT {SampleRows.ToString(CultureInfo.InvariantCulture)}");
            }
            catch (DbException ex)
            {
                throw new ExpectationArgumentException("DQ4705", $"{Type}: DuckDB could not run unexpected_rows_query: {ex.Message.Split('\n')[0].Trim()}", context.Config.Location);
            }
            var observed = $"{count.ToString(CultureInfo.InvariantCulture)} unexpected {(count == 1 ? "row" : "rows")}";
            return eval.Result(count == 0, new ResultDetails
            {
                ObservedValue = observed,
                Details = new JsonObject
                {
                    ["unexpected_rows"] = new JsonArray(sample.Select(JsonNode (r) => r).ToArray()),
                    ["unexpected_row_count"] = count,
                },
            }) with { Sql = sql };
        });
    }
}
