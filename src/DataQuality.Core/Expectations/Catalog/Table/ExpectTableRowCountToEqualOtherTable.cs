using System.Data.Common;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Table;

/// <summary>
/// Row count equals another relation's. This dataset's count is an aggregate of the shared scan; the
/// other relation is a different source, so its count is necessarily one more query
/// (<c>SELECT count(*)</c>, which DuckDB answers from Parquet metadata where it can). other_table_name
/// is either a table or view of the same DuckDB session (a plain or dotted SQL name, e.g.
/// <c>orders</c>, <c>main.orders</c>) or a dataset location (file, directory, glob; relative paths
/// from the working directory), read the way the validated dataset is. observed_value is
/// {"self": n, "other": m} as in GX.
/// </summary>
public sealed partial class ExpectTableRowCountToEqualOtherTable : ExpectationDefinition
{
    public override string Type => "expect_table_row_count_to_equal_other_table";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Required("other_table_name", ArgumentKind.String, "The dataset whose row count must be equal.")];

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$")]
    private static partial Regex SqlName();

    public override PlannedCheck Plan(PlanContext context)
    {
        var other = context.Kwargs.RequiredString("other_table_name");
        var otherSql = Resolve(context, other);
        var rows = context.Scan.Aggregate(AggregateSql.Filtered("count(*)", context.Condition()));
        return new PlannedCheck([rows], eval =>
        {
            long otherCount;
            try
            {
                otherCount = eval.Query($"SELECT count(*)::BIGINT AS n FROM {otherSql}")[0]["n"]!.GetValue<long>();
            }
            catch (DbException ex)
            {
                throw new ExpectationArgumentException("DQ4703",
                    $"{Type}: cannot count rows of other table '{other}': {ex.Message.Split('\n')[0].Trim()}", context.Config.Location);
            }
            var self = eval.Values.Long(rows);
            return eval.Result(self == otherCount, new ResultDetails { ObservedValue = new JsonObject { ["self"] = self, ["other"] = otherCount } });
        });
    }

    public override IReadOnlyList<string> OtherFiles(Kwargs kwargs)
    {
        if (kwargs.StringIfPresent("other_table_name") is not { } other || IsRelationName(other)) return [];
        try
        {
            var dataset = DatasetRef.Parse(other);
            return dataset.IsS3 ? [] : DatasetResolver.ListLocal(dataset);
        }
        catch (Diagnostics.InputException)
        {
            return []; // the planner reports it
        }
    }

    private static bool IsRelationName(string other)
    {
        var looksLikeFile = Path.GetExtension(other).ToLowerInvariant() is ".parquet" or ".parq" or ".csv" or ".tsv" or ".json" or ".ndjson" or ".jsonl" or ".gz";
        return SqlName().IsMatch(other) && !looksLikeFile && !File.Exists(other) && !Directory.Exists(other);
    }

    private string Resolve(PlanContext context, string other)
    {
        if (IsRelationName(other))
            return string.Join(".", other.Split('.').Select(SqlText.Identifier));
        if (DatasetRef.Parse(other) is { IsS3: true })
            throw new ExpectationArgumentException("DQ4703", $"{Type}: other_table_name '{other}' is an s3:// location; other tables must be local datasets or relations of the session.", context.Config.Location);
        try
        {
            var dataset = DatasetRef.Parse(other);
            return new ResolvedDataset(dataset, DatasetResolver.ListLocal(dataset)).ToRelationSql();
        }
        catch (Diagnostics.InputException ex)
        {
            throw new ExpectationArgumentException("DQ4703", $"{Type}: other_table_name '{other}' is neither a table/view name nor a readable dataset: {ex.Message}", context.Config.Location, ex);
        }
    }
}
