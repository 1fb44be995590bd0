using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// Each value must be JSON text satisfying json_schema. The schema is compiled to SQL
/// (<see cref="JsonSchemaSql"/>, a documented subset) so validation runs in the shared scan;
/// text that is not JSON is unexpected.
/// </summary>
public sealed class ExpectColumnValuesToMatchJsonSchema : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_match_json_schema";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [Arg.Required("json_schema", ArgumentKind.Any, "The JSON Schema every value must satisfy.")];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var schema = context.Kwargs.Node("json_schema") ?? throw context.Kwargs.Missing("json_schema", "a JSON Schema object");
        if (column.Family != TypeFamily.String && !column.Type.Equals("JSON", StringComparison.OrdinalIgnoreCase))
            throw new ExpectationArgumentException("DQ4410", $"{context.Config.Type}: column '{column.Name}' is {column.Type}; JSON Schema validation needs a string or JSON column.", context.Config.Location);
        return $"NOT ({JsonSchemaSql.Compile(schema, $"CAST({ident} AS VARCHAR)", context.Config, context.Scan)})";
    }
}
