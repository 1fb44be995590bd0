using System.Globalization;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// z = (x − mean) / sample stddev over the non-null values in scope (window columns of the shared
/// scan). A value is expected when z &lt; threshold (|z| &lt; threshold with double_sided). When z is
/// undefined (one value, or a constant column: 0/0) the value is unexpected, as in GX on pandas
/// where NaN &lt; threshold is false.
/// </summary>
public sealed class ExpectColumnValueZScoresToBeLessThan : ColumnMapExpectation
{
    public override string Type => "expect_column_value_z_scores_to_be_less_than";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments =>
    [
        Arg.Required("threshold", ArgumentKind.Number, "Largest allowed z-score."),
        Arg.Optional("double_sided", ArgumentKind.Boolean, "Compare the absolute z-score.", "false"),
    ];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var threshold = context.Kwargs.RequiredNumber("threshold");
        var doubleSided = context.Kwargs.Bool("double_sided", false);
        if (!column.Family.IsNumeric())
            throw new ExpectationArgumentException("DQ4410", $"{context.Config.Type}: column '{column.Name}' is {column.Type}; z-scores need a numeric column.", context.Config.Location);
        var condition = context.Condition();
        var value = $"CAST({ident} AS DOUBLE)";
        // Mean and stddev of the finite values: DuckDB's stddev_samp raises "out of range" on a NaN or an infinity,
        // which errored the whole check. A non-finite value itself still gets a non-finite z and is unexpected.
        var finite = $"({condition}) AND isfinite({value})";
        var mean = context.Scan.Derived($"avg({value}) FILTER (WHERE {finite}) OVER ()");
        var stddev = context.Scan.Derived($"stddev_samp({value}) FILTER (WHERE {finite}) OVER ()");
        var z = $"(({value} - {mean}) / {stddev})";
        var t = threshold.ToString("R", CultureInfo.InvariantCulture);
        return $"NOT coalesce({(doubleSided ? $"abs({z})" : z)} < {t} AND NOT isnan({z}), FALSE)";
    }
}
