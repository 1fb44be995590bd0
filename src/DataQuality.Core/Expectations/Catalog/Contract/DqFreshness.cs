using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// SLA freshness: the newest timestamp in <c>column</c> is at most <c>max_age_seconds</c> old
/// (compared with the current time when the check runs). An empty column fails.
/// </summary>
public sealed class DqFreshness : ExpectationDefinition
{
    public override string Type => "dq_freshness";

    public override PlannedCheck Plan(PlanContext context)
    {
        var ident = PlanContext.Ident(context.Column());
        var maxAge = context.Kwargs.RequiredNumber("max_age_seconds");
        var age = context.Scan.Aggregate($"date_diff('second', max({ident})::TIMESTAMP, now()::TIMESTAMP)::BIGINT");
        return new PlannedCheck([age], eval =>
        {
            var seconds = eval.Values[age] is null ? (long?)null : eval.Values.Long(age);
            return eval.Result(seconds is { } s && s <= maxAge, new ResultDetails
            {
                ObservedValue = seconds is null ? null : JsonValue.Create(seconds.Value),
                Details = new JsonObject { ["age_seconds"] = seconds, ["max_age_seconds"] = maxAge.ToString(CultureInfo.InvariantCulture) },
            });
        });
    }
}
