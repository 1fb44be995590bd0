using System.Globalization;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// Non-null values have a length (characters) within [min_value, max_value], either bound optional.
/// Used for contract minLength/maxLength when the GX length expectation is not in the catalog.
/// </summary>
public sealed class DqValueLengthsBetween : ColumnMapExpectation
{
    public override string Type => "dq_value_lengths_between";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments =>
    [
        Arg.Optional("min_value", ArgumentKind.Integer, "Shortest allowed length."),
        Arg.Optional("max_value", ArgumentKind.Integer, "Longest allowed length."),
    ];

    protected override string Unexpected(PlanContext context, SchemaColumn column, string ident)
    {
        var min = context.Kwargs.OptionalNumber("min_value");
        var max = context.Kwargs.OptionalNumber("max_value");
        if (min is null && max is null) throw context.Kwargs.Invalid("min_value and max_value cannot both be null.");
        var length = $"length({ident}::VARCHAR)";
        var tests = new List<string>();
        if (min is { } lo) tests.Add($"{length} < {lo.ToString(CultureInfo.InvariantCulture)}");
        if (max is { } hi) tests.Add($"{length} > {hi.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(" OR ", tests);
    }
}
