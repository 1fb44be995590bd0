namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>SLA freshness: the newest timestamp in <c>column</c> is at most <c>max_age_seconds</c> old. An empty column fails.</summary>
public sealed class DqFreshness : TimestampAgeExpectation
{
    public override string Type => "dq_freshness";
    protected override string Extreme => "max";
    protected override bool EmptyPasses => false;
    protected override string AgeDetailName => "age_seconds";
}
