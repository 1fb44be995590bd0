using System.Collections.Frozen;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations.Arguments;

/// <summary>
/// The one place an expectation's arguments are checked against its declaration, without data: an
/// unknown (misspelled) argument is DQ4110 with a did-you-mean, a missing required one DQ4101, a value
/// of the wrong kind DQ4102. <c>dq lint</c>, the build's lint step and every run (before planning)
/// call this, so a typo can never silently weaken a check.
/// </summary>
public static class ExpectationArguments
{
    /// <summary>Accepted by every expectation (GX's common fields and our severity), declared once.</summary>
    public static readonly IReadOnlyList<ExpectationArgument> Shared =
    [
        Arg.Optional("row_condition", ArgumentKind.String, "Only rows matching this condition are checked (GX, pandas or SQL syntax; docs/semantics.md)."),
        Arg.Optional("condition_parser", ArgumentKind.String, "How row_condition is written: great_expectations, pandas, spark or sql.", "sql"),
        Arg.Optional("result_format", ArgumentKind.Any, "GX result_format: BOOLEAN_ONLY, BASIC, SUMMARY or COMPLETE, or a mapping.", "BASIC"),
        Arg.Optional("catch_exceptions", ArgumentKind.Boolean, "Accepted for GX compatibility: an expectation that cannot run is always an error result.", "true"),
        Arg.Optional("include_config", ArgumentKind.Boolean, "Accepted for GX compatibility.", "true"),
        Arg.Optional("severity", ArgumentKind.String, "error (fails the run) or warn (reported only).", "error"),
        Arg.Optional("meta", ArgumentKind.Object, "Free-form metadata; meta.display_name names the check."),
        Arg.Optional("notes", ArgumentKind.Any, "Free-form notes."),
    ];

    private static readonly FrozenSet<string> SharedNames = Shared.Select(a => a.Name).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="definition"/> reads <paramref name="name"/> (declared by it or shared).</summary>
    public static bool Declares(ExpectationDefinition definition, string name) =>
        SharedNames.Contains(name) || DeclaredNames.GetOrAdd(definition, d => d.Arguments.Select(a => a.Name).ToFrozenSet(StringComparer.Ordinal)).Contains(name);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ExpectationDefinition, FrozenSet<string>> DeclaredNames = new(ReferenceEqualityComparer.Instance);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ExpectationDefinition, FrozenDictionary<string, ExpectationArgument>> DeclaredArguments = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every problem with <paramref name="config"/>'s arguments, in the order written; empty when they match the declaration.</summary>
    public static IReadOnlyList<ExpectationArgumentException> Problems(ExpectationConfig config, ExpectationDefinition definition)
    {
        var problems = new List<ExpectationArgumentException>();
        // Once per definition, not per expectation: a 32,000-property contract lints 128,000 derived checks.
        var declared = DeclaredArguments.GetOrAdd(definition, d => d.Arguments.Concat(Shared).ToFrozenDictionary(a => a.Name, StringComparer.Ordinal));
        foreach (var (name, value) in config.Kwargs)
        {
            var at = config.ArgumentLocation(name);
            if (!declared.TryGetValue(name, out var argument))
            {
                var suggestion = EditDistance.Suggest(name, definition.Arguments.Select(a => a.Name).Concat(SharedNames));
                problems.Add(new ExpectationArgumentException("DQ4110",
                    $"unknown argument '{name}' of {definition.Type}" + (suggestion is null ? $" (it takes {Names(definition)})." : $"; did you mean '{suggestion}'?"), at));
                continue;
            }
            if (value is not null && !argument.Accepts(value) && !SuiteParameters.IsParameter(value))
                problems.Add(new ExpectationArgumentException("DQ4102",
                    $"{definition.Type}: kwarg '{name}' must be {argument.KindText}, got {Kwargs.Describe(value)}.", at));
        }
        foreach (var argument in definition.Arguments.Where(a => a.Required && config.Kwargs[a.Name] is null))
            problems.Add(new ExpectationArgumentException("DQ4101", $"{definition.Type}: required kwarg '{argument.Name}' ({argument.KindText}) is missing.", config.Location));
        return problems;
    }

    /// <summary>Throws the first problem (the run's rule: one error result per expectation).</summary>
    public static void Check(ExpectationConfig config, ExpectationDefinition definition)
    {
        if (Problems(config, definition) is [var first, ..]) throw first;
    }

    private static string Names(ExpectationDefinition definition) =>
        definition.Arguments.Count == 0 ? "only the shared arguments" : string.Join(", ", definition.Arguments.Select(a => a.Name));
}
