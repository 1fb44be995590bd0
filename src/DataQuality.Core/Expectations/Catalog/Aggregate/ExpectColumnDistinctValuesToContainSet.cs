using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Aggregate;

/// <summary>Every value of value_set occurs among the distinct non-null values (a null or empty set is trivially contained).</summary>
public sealed class ExpectColumnDistinctValuesToContainSet : DistinctValuesExpectation
{
    public override string Type => "expect_column_distinct_values_to_contain_set";

    protected override bool Success(IReadOnlySet<string> observed, IReadOnlySet<string>? expected) =>
        expected is null || observed.IsSupersetOf(expected);
}
