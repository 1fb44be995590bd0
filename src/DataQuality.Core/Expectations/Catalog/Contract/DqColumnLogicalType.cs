using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// The column's DuckDB type belongs to the family of the contract's logical type: integer accepts
/// every signed and unsigned integer width, number any integer, float or decimal, timestamp both
/// TIMESTAMP and TIMESTAMP WITH TIME ZONE, array any LIST, object a STRUCT or MAP; <c>bytes</c>
/// (a DCS type) accepts BLOB. Schema only, no scan.
/// </summary>
public sealed class DqColumnLogicalType : ExpectationDefinition
{
    public override string Type => "dq_column_logical_type";

    public override IReadOnlyList<ExpectationArgument> Arguments =>
    [
        Arg.Column,
        Arg.Required("logical_type", ArgumentKind.String, "ODCS logical type: string, integer, number, boolean, date, timestamp, time, array, object, bytes."),
    ];

    public static readonly IReadOnlyList<string> LogicalTypes = ["string", "integer", "number", "boolean", "date", "timestamp", "time", "array", "object", "bytes"];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var logical = context.Kwargs.RequiredString("logical_type").ToLowerInvariant();
        if (!LogicalTypes.Contains(logical))
            throw context.Kwargs.Invalid($"unknown logical type '{logical}'; expected one of {string.Join(", ", LogicalTypes)}.");
        var success = Matches(logical, column.Type);
        return new PlannedCheck([], eval => eval.Result(success, new ResultDetails
        {
            ObservedValue = column.Type,
            Details = new JsonObject { ["expected"] = logical, ["observed"] = column.Type },
        }));
    }

    public static bool Matches(string logical, string duckDbType)
    {
        var family = TypeFamilies.Of(duckDbType);
        var upper = duckDbType.ToUpperInvariant();
        return logical switch
        {
            "string" => family is TypeFamily.String or TypeFamily.Uuid,
            "integer" => family == TypeFamily.Integer,
            "number" => family.IsNumeric(),
            "boolean" => family == TypeFamily.Boolean,
            "date" => family == TypeFamily.Date,
            "timestamp" => family == TypeFamily.Timestamp,
            "time" => family == TypeFamily.Time,
            "array" => upper.EndsWith(']') || upper.StartsWith("LIST", StringComparison.Ordinal),
            "object" => upper.StartsWith("STRUCT", StringComparison.Ordinal) || upper.StartsWith("MAP", StringComparison.Ordinal),
            "bytes" => family == TypeFamily.Binary,
            _ => false,
        };
    }
}
