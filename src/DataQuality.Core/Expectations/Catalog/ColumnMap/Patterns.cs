using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Regex (Python → RE2, search semantics like <c>re.search</c>) and LIKE predicates shared by the pattern expectations.</summary>
internal static class Patterns
{
    public static string Regex(PlanContext context, SchemaColumn column, string ident, string pattern, string kwarg) =>
        $"regexp_matches({StringColumns.AsText(column, ident)}, {SqlText.Literal(PythonRegex.ToRe2(pattern, kwarg, context.Config))})";

    public static string Like(SchemaColumn column, string ident, string pattern) =>
        $"({StringColumns.AsText(column, ident)} LIKE {SqlText.Literal(pattern)})";

    public static IReadOnlyList<string> RegexList(PlanContext context, SchemaColumn column, string ident) =>
        NonEmpty(context, "regex_list").Select((p, i) => Regex(context, column, ident, p, $"regex_list[{i}]")).ToList();

    public static IReadOnlyList<string> LikeList(PlanContext context, SchemaColumn column, string ident) =>
        NonEmpty(context, "like_pattern_list").Select(p => Like(column, ident, p)).ToList();

    /// <summary>GX match_on: "any" (default) or "all" of the patterns must match.</summary>
    public static string Combine(PlanContext context, IReadOnlyList<string> matches)
    {
        var matchOn = context.Kwargs.OptionalString("match_on") ?? "any";
        return matchOn switch
        {
            "any" => "(" + string.Join(" OR ", matches) + ")",
            "all" => "(" + string.Join(" AND ", matches) + ")",
            _ => throw context.Kwargs.Invalid($"match_on must be 'any' or 'all', got '{matchOn}'."),
        };
    }

    private static IReadOnlyList<string> NonEmpty(PlanContext context, string kwarg)
    {
        var list = context.Kwargs.RequiredStringList(kwarg);
        return list.Count == 0 ? throw context.Kwargs.Invalid($"{kwarg} must hold at least one pattern.") : list;
    }
}
