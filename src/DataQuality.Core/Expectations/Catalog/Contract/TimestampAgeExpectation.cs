using System.Globalization;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Expectations.Arguments;

namespace DataQuality.Core.Expectations.Catalog.Contract;

/// <summary>
/// SLA checks on how old a timestamp column's newest or oldest value is, against <c>max_age_seconds</c>
/// (compared with the current time when the check runs). Freshness and retention differ only in which
/// end of the column they read and in what an empty column means.
/// </summary>
public abstract class TimestampAgeExpectation : ExpectationDefinition
{
    public sealed override IReadOnlyList<ExpectationArgument> Arguments => [Arg.Column, Arg.Required("max_age_seconds", ArgumentKind.Number, "Largest allowed age in seconds.")];

    /// <summary><c>max</c> (the newest value: freshness) or <c>min</c> (the oldest value: retention).</summary>
    protected abstract string Extreme { get; }

    /// <summary>Whether a column without values passes.</summary>
    protected abstract bool EmptyPasses { get; }

    /// <summary>Name of the observed age in <c>details</c>.</summary>
    protected abstract string AgeDetailName { get; }

    public sealed override PlannedCheck Plan(PlanContext context)
    {
        var ident = PlanContext.Ident(context.Column());
        var maxAge = context.Kwargs.RequiredNumber("max_age_seconds");
        var age = context.Scan.Aggregate($"date_diff('second', {Extreme}({ident})::TIMESTAMP, now()::TIMESTAMP)::BIGINT");
        return new PlannedCheck([age], eval =>
        {
            var seconds = eval.Values[age] is null ? (long?)null : eval.Values.Long(age);
            var success = seconds is { } s ? s <= maxAge : EmptyPasses;
            return eval.Result(success, new ResultDetails
            {
                ObservedValue = seconds is null ? null : JsonValue.Create(seconds.Value),
                Details = new JsonObject { [AgeDetailName] = seconds, ["max_age_seconds"] = maxAge.ToString(CultureInfo.InvariantCulture) },
            });
        });
    }
}
