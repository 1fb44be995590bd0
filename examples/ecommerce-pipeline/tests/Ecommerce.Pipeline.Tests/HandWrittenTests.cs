using DataQuality.Xunit;
using Xunit;

namespace Ecommerce.Pipeline.Tests;

/// <summary>Checks that read better as code than as a suite; they run through the same engine as the generated rows.</summary>
public sealed class HandWrittenTests
{
    // The same server the contracts are tested against (DQ_SERVER, default main): out/<server>/ of this repository.
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "out", Environment.GetEnvironmentVariable("DQ_SERVER") ?? "main");

    private static Dataset Orders => Dataset.Load(Path.Combine(Root, "silver", "orders")).WithPrimaryKey("order_id");

    [Fact]
    public void Order_ids_are_unique() => Orders.Should().HaveUniqueValues("order_id", "order_id is the key of silver/orders");

    [Fact]
    public void Amounts_are_within_the_payment_limit() => Orders.Column("amount").Should().BeBetween(0, 10_000);

    [Fact]
    public void Daily_sales_has_one_row_per_country() =>
        Dataset.Load(Path.Combine(Root, "gold", "daily_sales")).Should().HaveRowCountBetween(5, 5).And.HaveUniqueValues("country");

    [Fact]
    public void Orders_match_their_contract() =>
        Orders.Should().MatchContract(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "contracts", "orders.odcs.yaml"), variables: "ds=2026-02-11");
}
