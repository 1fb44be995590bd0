using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>Every distinct non-null value is in value_set; a null value_set is the universal set (vacuously true).</summary>
public sealed class ExpectColumnDistinctValuesToBeInSet : DistinctValuesExpectation
{
    public override string Type => "expect_column_distinct_values_to_be_in_set";

    protected override bool Success(IReadOnlySet<string> observed, IReadOnlySet<string>? expected) =>
        expected is null || observed.IsSubsetOf(expected);
}
