namespace DataQuality.Xunit;

/// <summary>Entry points for FluentAssertions: <c>orders.Should()</c>, <c>orders.Column("amount").Should()</c>.</summary>
public static class DatasetAssertionExtensions
{
    public static DatasetAssertions Should(this Dataset dataset) => new(dataset);

    public static ColumnAssertions Should(this DatasetColumn column) => new(column);
}
