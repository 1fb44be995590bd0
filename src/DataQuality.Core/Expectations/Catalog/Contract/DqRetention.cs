namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// SLA retention: no record is older than the retention period, i.e. the oldest timestamp in
/// <c>column</c> is at most <c>max_age_seconds</c> old. An empty column passes (nothing is kept too long).
/// </summary>
public sealed class DqRetention : TimestampAgeExpectation
{
    public override string Type => "dq_retention";
    protected override string Extreme => "min";
    protected override bool EmptyPasses => true;
    protected override string AgeDetailName => "oldest_age_seconds";
}
