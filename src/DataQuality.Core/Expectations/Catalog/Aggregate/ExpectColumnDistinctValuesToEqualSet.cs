using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>The distinct non-null values are exactly value_set (a null value_set counts as the empty set).</summary>
public sealed class ExpectColumnDistinctValuesToEqualSet : DistinctValuesExpectation
{
    public override string Type => "expect_column_distinct_values_to_equal_set";

    protected override bool Success(IReadOnlySet<string> observed, IReadOnlySet<string>? expected) =>
        observed.SetEquals(expected ?? new HashSet<string>());
}
