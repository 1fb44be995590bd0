using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// The column's DuckDB type equals the contract's <c>physicalType</c>, compared literally after
/// resolving DuckDB's own aliases (INT64 = BIGINT, STRING = VARCHAR, ...), case and spacing ignored.
/// </summary>
public sealed class DqColumnPhysicalType : ExpectationDefinition
{
    public override string Type => "dq_column_physical_type";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Required("physical_type", ArgumentKind.String, "The storage type the column must have.")];

    private static readonly Dictionary<string, string> TypeAliases = new(StringComparer.Ordinal)
    {
        ["INT8"] = "BIGINT", ["INT64"] = "BIGINT", ["LONG"] = "BIGINT",
        ["INT4"] = "INTEGER", ["INT32"] = "INTEGER", ["INT"] = "INTEGER", ["SIGNED"] = "INTEGER",
        ["INT2"] = "SMALLINT", ["INT16"] = "SMALLINT", ["SHORT"] = "SMALLINT",
        ["INT1"] = "TINYINT",
        ["STRING"] = "VARCHAR", ["TEXT"] = "VARCHAR", ["CHAR"] = "VARCHAR", ["BPCHAR"] = "VARCHAR",
        ["FLOAT4"] = "FLOAT", ["REAL"] = "FLOAT",
        ["FLOAT8"] = "DOUBLE",
        ["BOOL"] = "BOOLEAN", ["LOGICAL"] = "BOOLEAN",
        ["BYTEA"] = "BLOB", ["BINARY"] = "BLOB", ["VARBINARY"] = "BLOB",
        ["DATETIME"] = "TIMESTAMP",
        ["TIMESTAMPTZ"] = "TIMESTAMP WITH TIME ZONE",
        ["NUMERIC"] = "DECIMAL",
    };

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var expected = context.Kwargs.RequiredString("physical_type");
        var success = Canonical(expected) == Canonical(column.Type);
        return new PlannedCheck([], eval => eval.Result(success, new ResultDetails
        {
            ObservedValue = column.Type,
            Details = new JsonObject { ["expected"] = expected, ["observed"] = column.Type },
        }));
    }

    public static string Canonical(string type)
    {
        var t = string.Join(' ', type.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(", ", ",");
        var paren = t.IndexOf('(');
        var head = paren < 0 ? t : t[..paren];
        var tail = paren < 0 ? "" : t[paren..];
        return (TypeAliases.TryGetValue(head, out var canonical) ? canonical : head) + tail;
    }
}
