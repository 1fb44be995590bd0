using System.Text.Json.Nodes;
using FluentAssertions;
using FluentAssertions.Primitives;

namespace DataQuality.Xunit;

/// <summary>Column-level assertions: <c>orders.Column("amount").Should().BeBetween(0, 10_000)</c>.</summary>
public sealed class ColumnAssertions : ReferenceTypeAssertions<DatasetColumn, ColumnAssertions>
{
    public ColumnAssertions(DatasetColumn subject) : base(subject) { }

    protected override string Identifier => "column";

    public AndConstraint<ColumnAssertions> BeBetween(double min, double max, string because = "", params object[] becauseArgs) =>
        Check("expect_column_values_to_be_between", new JsonObject { ["min_value"] = min, ["max_value"] = max }, because, becauseArgs);

    public AndConstraint<ColumnAssertions> HaveNoNulls(string because = "", params object[] becauseArgs) =>
        Check("expect_column_values_to_not_be_null", [], because, becauseArgs);

    public AndConstraint<ColumnAssertions> BeUnique(string because = "", params object[] becauseArgs) =>
        Check("expect_column_values_to_be_unique", [], because, becauseArgs);

    public AndConstraint<ColumnAssertions> BeOneOf(IEnumerable<string> values, string because = "", params object[] becauseArgs) =>
        Check("expect_column_values_to_be_in_set", new JsonObject { ["value_set"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) }, because, becauseArgs);

    private AndConstraint<ColumnAssertions> Check(string type, JsonObject kwargs, string because, object[] becauseArgs)
    {
        kwargs["column"] = Subject.Name;
        AssertionRunner.Verify(Subject.Dataset, AssertionRunner.Single(type, kwargs, Subject.Dataset.PrimaryKey), because, becauseArgs);
        return new AndConstraint<ColumnAssertions>(this);
    }
}
