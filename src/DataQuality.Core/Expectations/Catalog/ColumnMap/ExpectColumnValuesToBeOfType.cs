using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// Answered from the schema (GX's SQL backends do the same; every DuckDB value of a column has the
/// column's type): observed_value is the DuckDB type. Type names map per <see cref="GxTypeNames"/>.
/// </summary>
public sealed class ExpectColumnValuesToBeOfType : ExpectationDefinition
{
    public override string Type => "expect_column_values_to_be_of_type";

    public override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Required("type_", ArgumentKind.String, "The type name the column must have.")];

    public override PlannedCheck Plan(PlanContext context)
    {
        var column = context.Column();
        var typeName = context.Kwargs.RequiredString("type_");
        var success = TypeCheck.Matches(context, column, [typeName], "type_");
        return TypeCheck.Planned(column, success);
    }
}

internal static class TypeCheck
{
    public static bool Matches(PlanContext context, SchemaColumn column, IReadOnlyList<string> names, string kwarg)
    {
        foreach (var name in names)
            if (!GxTypeNames.IsKnown(name))
                throw new ExpectationArgumentException("DQ4420",
                    $"{context.Config.Type}: {kwarg} '{name}' is not a known type name (use a DuckDB type such as BIGINT, DOUBLE, VARCHAR, TIMESTAMP, or a GX/pandas/SQL/Spark name such as int64, str, DOUBLE_PRECISION, StringType; see docs/semantics.md).",
                    context.Config.Location);
        return names.Any(n => GxTypeNames.Matches(n, column));
    }

    public static PlannedCheck Planned(SchemaColumn column, bool success) =>
        new([], eval => eval.Result(success, new ResultDetails { ObservedValue = JsonValue.Create(column.Type) }));
}
