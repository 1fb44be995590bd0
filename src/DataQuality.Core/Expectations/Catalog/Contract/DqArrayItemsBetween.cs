using System.Globalization;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>Non-null arrays have between min_items and max_items elements (ODCS minItems/maxItems).</summary>
public sealed class DqArrayItemsBetween : ColumnMapExpectation
{
    public override string Type => "dq_array_items_between";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments =>
    [
        Arg.Optional("min_items", ArgumentKind.Integer, "Fewest items an array may hold."),
        Arg.Optional("max_items", ArgumentKind.Integer, "Most items an array may hold."),
    ];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        if (column.Family != TypeFamily.Nested) throw context.Kwargs.Invalid($"column '{column.Name}' is {column.Type}, not an array.");
        var min = context.Kwargs.OptionalNumber("min_items");
        var max = context.Kwargs.OptionalNumber("max_items");
        if (min is null && max is null) throw context.Kwargs.Invalid("min_items and max_items cannot both be null.");
        var tests = new List<string>();
        if (min is { } lo) tests.Add($"len({ident}) < {lo.ToString(CultureInfo.InvariantCulture)}");
        if (max is { } hi) tests.Add($"len({ident}) > {hi.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(" OR ", tests);
    }
}
