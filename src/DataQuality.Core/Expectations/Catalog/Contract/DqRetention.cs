using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// SLA retention: no record is older than the retention period, i.e. the oldest timestamp in
/// <c>column</c> is at most <c>max_age_seconds</c> old. An empty column passes (nothing is kept too long).
/// </summary>
public sealed class DqRetention : ExpectationDefinition
{
    public override string Type => "dq_retention";

    public override PlannedCheck Plan(PlanContext context)
    {
        var ident = PlanContext.Ident(context.Column());
        var maxAge = context.Kwargs.RequiredNumber("max_age_seconds");
        var age = context.Scan.Aggregate($"date_diff('second', min({ident})::TIMESTAMP, now()::TIMESTAMP)::BIGINT");
        return new PlannedCheck([age], eval =>
        {
            var seconds = eval.Values[age] is null ? (long?)null : eval.Values.Long(age);
            return eval.Result(seconds is null || seconds <= maxAge, new ResultDetails
            {
                ObservedValue = seconds is null ? null : JsonValue.Create(seconds.Value),
                Details = new JsonObject { ["oldest_age_seconds"] = seconds, ["max_age_seconds"] = maxAge.ToString(CultureInfo.InvariantCulture) },
            });
        });
    }
}
