using DataQuality.Core.Datasets;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>
/// The dateutil-parseable subset as one SQL predicate. The value is split into a date part and an
/// optional trailing time, and each part is dispatched by its shape (a cheap RE2 test) to the few
/// formats that can apply, because DuckDB's try_strptime with a list of formats costs about one
/// format per row per candidate: trying ~300 date×time combinations on every row made the check
/// three orders of magnitude slower than the others. CASE evaluates a branch only for its rows.
/// </summary>
internal static class DateutilFormats
{
    private const string TimeSuffix = @"(?:^|[ T])(\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:\s*[AaPp][Mm])?)$";

    private const string ZoneSuffix = @"(?:[+-]\d{2}:?\d{2}|Z|GMT|UTC)$";
    private const string NumericDate = @"^\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})$";
    private const string YearFirstDate = @"^\d{4}[/.]\d{1,2}[/.]\d{1,2}$";
    private const string CompactDate = @"^\d{8}$";
    private const string YearOrMonth = @"^\d{4}(?:-\d{1,2})?$";

    private static readonly string[] Times = ["%H:%M:%S", "%H:%M", "%H:%M:%S.%f", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p"];

    private static readonly string[] NumericDates = ["%m/%d/%Y", "%m/%d/%y", "%d/%m/%Y", "%d/%m/%y"];

    private static readonly string[] NamedDates =
    [
        "%b %d %Y", "%d %b %Y", "%B %d %Y", "%d %B %Y", "%d-%b-%Y", "%d-%B-%Y",
        "%a %b %d %Y", "%a %d %b %Y", "%A %B %d %Y", "%A %d %B %Y", "%b %Y", "%B %Y",
        "%a %b %d %H:%M:%S %Y",
    ];

    private static readonly string[] Zoned =
    [
        "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S.%f%z", "%Y-%m-%dT%H:%M%z",
        "%a, %d %b %Y %H:%M:%S %z",
    ];

    /// <summary>SQL true when the text (already trimmed) is in the documented dateutil subset.</summary>
    public static string Parseable(string t)
    {
        var hasTime = $"regexp_matches({t}, {SqlText.Literal(TimeSuffix)})";
        var time = $"regexp_extract({t}, {SqlText.Literal(TimeSuffix)}, 1)";
        var date = $"trim(regexp_replace({t}, {SqlText.Literal(TimeSuffix)}, ''))";
        var timeOk = $"(NOT {hasTime} OR {AnyFormat(time, Times)})";
        return $"""
            CASE
              WHEN TRY_CAST({t} AS TIMESTAMP) IS NOT NULL THEN TRUE
              WHEN regexp_matches({t}, {SqlText.Literal(ZoneSuffix)}) AND {AnyFormat(t, Zoned)} THEN TRUE
              ELSE {timeOk} AND {DateOk(date, hasTime)}
            END
            """;
    }

    private static string DateOk(string d, string hasTime)
    {
        var slashed = $"replace(replace({d}, '-', '/'), '.', '/')";
        var noCommas = $"replace({d}, ',', '')";
        return $"""
            CASE
              WHEN {d} = '' THEN {hasTime}
              WHEN TRY_CAST({d} AS DATE) IS NOT NULL THEN TRUE
              WHEN regexp_matches({d}, {SqlText.Literal(NumericDate)}) THEN {AnyFormat(slashed, NumericDates)}
              WHEN regexp_matches({d}, {SqlText.Literal(YearFirstDate)}) THEN {AnyFormat(slashed, ["%Y/%m/%d"])}
              WHEN regexp_matches({d}, {SqlText.Literal(CompactDate)}) THEN {AnyFormat(d, ["%Y%m%d"])}
              WHEN regexp_matches({d}, {SqlText.Literal(YearOrMonth)}) THEN {AnyFormat(d, ["%Y", "%Y-%m"])}
              WHEN regexp_matches({d}, '[A-Za-z]') THEN {AnyFormat(noCommas, NamedDates)}
              ELSE FALSE
            END
            """;
    }

    private static string AnyFormat(string text, IEnumerable<string> formats) =>
        "(coalesce(" + string.Join(", ", formats.Select(f => $"try_strptime({text}, {SqlText.Literal(f)})")) + ") IS NOT NULL)";
}
