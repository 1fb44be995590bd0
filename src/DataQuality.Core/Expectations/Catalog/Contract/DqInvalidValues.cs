using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// ODCS <c>invalidValues</c>: non-null values outside <c>valid_values</c> or not matching <c>pattern</c>
/// (both may be given; a value must satisfy each).
/// </summary>
public sealed class DqInvalidValues : ContractMetricExpectation
{
    public override string Type => "dq_invalid_values";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments =>
    [
        Arg.Column,
        Arg.Optional("valid_values", ArgumentKind.List, "The allowed values."),
        Arg.Optional("pattern", ArgumentKind.String, "Regular expression valid values match."),
    ];
    protected override string MetricName => "invalid_count";

    protected override string CountSql(PlanContext context)
    {
        var column = context.Column();
        var ident = PlanContext.Ident(column);
        var tests = new List<string>();
        if (context.Kwargs.OptionalArray("valid_values") is { } valid)
        {
            var values = valid.Where(v => v is not null).ToList();
            tests.Add(values.Count == 0 ? "FALSE" : $"{ident} IN ({string.Join(", ", values.Select(v => PlanContext.Literal(v!.DeepClone(), column)))})");
        }
        if (context.Kwargs.OptionalString("pattern") is { } pattern)
            tests.Add($"regexp_matches({ident}::VARCHAR, {SqlText.Literal(pattern)})");
        if (tests.Count == 0) throw context.Kwargs.Invalid("invalidValues needs valid_values or pattern.");
        return AggregateSql.Count("*", $"{ident} IS NOT NULL AND NOT coalesce({string.Join(" AND ", tests)}, FALSE)");
    }
}
