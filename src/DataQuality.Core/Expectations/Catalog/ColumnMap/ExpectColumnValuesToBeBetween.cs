using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// GX bounds per value. As in GX, a numeric bound against a text column (or a non-numeric text
/// bound against a numeric column) is a type error, not a lexical comparison, and min_value above
/// max_value is an argument error. NaN in a floating column is outside every range, whichever bounds are given.
/// </summary>
public sealed class ExpectColumnValuesToBeBetween : ColumnMapExpectation
{
    public override string Type => "expect_column_values_to_be_between";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments => [.. Arg.Between];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var bounds = Bounds.From(context.Kwargs);
        foreach (var bound in new[] { bounds.Min, bounds.Max })
            if (bound is not null && !Comparable(column, bound))
                throw new ExpectationArgumentException("DQ4411",
                    $"{Type}: Column values, min_value, and max_value must either be None or of the same type (column '{column.Name}' is {column.Type}, bound is {bound.ToJsonString()}).",
                    context.Config.Location);
        if (bounds.Min is not null && bounds.Max is not null && Bounds.Compare(bounds.Min, bounds.Max) > 0)
            throw context.Kwargs.Invalid("min_value cannot be greater than max_value.");
        var checks = new List<string>();
        if (bounds.Min is not null) checks.Add($"{ident} {(bounds.StrictMin ? "<=" : "<")} {PlanContext.Literal(bounds.Min, column)}");
        if (bounds.Max is not null) checks.Add($"{ident} {(bounds.StrictMax ? ">=" : ">")} {PlanContext.Literal(bounds.Max, column)}");
        // NaN is in no range (IEEE, numpy). DuckDB orders NaN above every number, so `x < min` is false for NaN:
        // a minimum alone passed NaN while a maximum failed it. On a floating column NaN is unexpected for any bound.
        if (column.Family == TypeFamily.Floating && checks.Count > 0) checks.Insert(0, $"isnan({ident})");
        return string.Join(" OR ", checks);
    }

    private static bool Comparable(SchemaColumn column, JsonNode bound)
    {
        var kind = bound.GetValueKind();
        if (column.Family == TypeFamily.String) return kind != JsonValueKind.Number;
        if (column.Family.IsNumeric()) return kind == JsonValueKind.Number || Bounds.TryNumber(bound, out _) ||
            (kind == JsonValueKind.String && double.TryParse(bound.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        return true;
    }
}
