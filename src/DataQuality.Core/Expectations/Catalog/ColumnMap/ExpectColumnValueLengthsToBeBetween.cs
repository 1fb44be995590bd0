using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Length in characters (Unicode code points, like Python's len) within GX bounds.</summary>
public sealed class ExpectColumnValueLengthsToBeBetween : ColumnMapExpectation
{
    public override string Type => "expect_column_value_lengths_to_be_between";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [.. Arg.Between];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var bounds = Bounds.From(context.Kwargs);
        StringColumns.Require(context, column, "a value length check");
        var checks = new List<string>();
        if (bounds.Min is not null) checks.Add($"length({ident}) {(bounds.StrictMin ? "<=" : "<")} {Length(context, "min_value", bounds.Min)}");
        if (bounds.Max is not null) checks.Add($"length({ident}) {(bounds.StrictMax ? ">=" : ">")} {Length(context, "max_value", bounds.Max)}");
        return string.Join(" OR ", checks);
    }

    internal static string Length(PlanContext context, string name, JsonNode node)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && JsonNumber.TryGetDouble(v, out var d))
            return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture) : PlanContext.Literal(node);
        throw context.Kwargs.WrongType(name, "a number", node);
    }
}
