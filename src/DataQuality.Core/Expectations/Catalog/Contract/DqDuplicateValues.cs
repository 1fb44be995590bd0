using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// ODCS <c>duplicateValues</c>, contract <c>unique</c> and primary keys: the number of surplus copies
/// (rows minus distinct values, as datacontract-cli counts duplicate_count) over rows whose key is
/// not entirely null (<see cref="Uniqueness"/>, the one definition). <c>column</c> for one column,
/// <c>column_list</c> for a composite key.
/// </summary>
public sealed class DqDuplicateValues : ContractMetricExpectation
{
    public override string Type => "dq_duplicate_values";

    protected override IReadOnlyList<ExpectationArgument> OwnArguments =>
    [
        Arg.Optional("column", ArgumentKind.String, "The column whose duplicates are counted."),
        Arg.Optional("column_list", ArgumentKind.StringList, "Columns whose combined values must be unique (instead of column)."),
    ];
    protected override string MetricName => "duplicate_count";

    protected override string CountSql(PlanContext context) =>
        context.Kwargs.Has("column_list")
            ? Uniqueness.SurplusCopies(context.Columns().Select(PlanContext.Ident).ToList())
            : Uniqueness.SurplusCopies(Ident(context));
}
