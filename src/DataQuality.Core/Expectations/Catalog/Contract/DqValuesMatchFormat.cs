using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// Non-null values are well-formed for the contract <c>format</c>: email, uuid, uri, date
/// (ISO yyyy-mm-dd that is a real date), date-time (ISO 8601 that DuckDB can parse).
/// Columns already typed DATE/TIMESTAMP/UUID pass by type.
/// </summary>
public sealed class DqValuesMatchFormat : ColumnMapExpectation
{
    public override string Type => "dq_values_match_format";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("format", ArgumentKind.String, "email, uri, uuid or date.")];

    public static readonly IReadOnlyList<string> Formats = ["email", "uuid", "uri", "date", "date-time"];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var format = context.Kwargs.RequiredString("format").ToLowerInvariant();
        var text = $"{ident}::VARCHAR";
        return format switch
        {
            "email" => $"NOT regexp_full_match({text}, {SqlText.Literal(@"[^@\s]+@[^@\s]+\.[^@\s]+")})",
            "uuid" => column.Family == TypeFamily.Uuid ? "FALSE" : $"TRY_CAST({text} AS UUID) IS NULL OR length({text}) NOT IN (32, 36, 38)",
            "uri" => $"NOT regexp_full_match({text}, {SqlText.Literal(@"[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*")})",
            "date" => column.Family == TypeFamily.Date ? "FALSE" : $"NOT regexp_full_match({text}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') OR TRY_CAST({text} AS DATE) IS NULL",
            "date-time" => column.Family == TypeFamily.Timestamp ? "FALSE" : $"NOT regexp_matches({text}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}[T ]\\d{{2}}:\\d{{2}}') OR TRY_CAST({text} AS TIMESTAMPTZ) IS NULL",
            _ => throw context.Kwargs.Invalid($"unknown format '{format}'; expected one of {string.Join(", ", Formats)}."),
        };
    }
}
