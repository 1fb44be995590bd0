using DataQuality.Xunit;
using Xunit;

namespace DqTemplate.Pipeline.Tests;

/// <summary>Hand-written checks: the same engine and failure messages as the rows generated from contracts/.</summary>
public sealed class OrdersTests
{
    // The repository root: the test binaries run from tests/<project>/bin/<configuration>/<framework>/.
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private static Dataset Orders => Dataset.Load(Path.Combine(Root, "data", "orders.csv")).WithPrimaryKey("order_id");

    [Fact]
    public void Order_ids_are_unique() => Orders.Should().HaveUniqueValues("order_id", "order_id is the key of orders");

    [Fact]
    public void Amounts_are_within_the_payment_limit() => Orders.Column("amount").Should().BeBetween(0, 10_000);

    [Fact]
    public void Every_order_has_a_customer() => Orders.Column("customer_id").Should().HaveNoNulls();
}
