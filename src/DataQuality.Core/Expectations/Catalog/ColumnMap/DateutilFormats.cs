namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>The date/time forms treated as dateutil-parseable besides ISO casts (docs/semantics.md lists them).</summary>
internal static class DateutilFormats
{
    private static readonly string[] Dates =
    [
        "%m/%d/%Y", "%m/%d/%y", "%d/%m/%Y", "%d/%m/%y", "%Y/%m/%d",
        "%m-%d-%Y", "%m-%d-%y", "%d-%m-%Y", "%d-%m-%y",
        "%m.%d.%Y", "%d.%m.%Y", "%Y.%m.%d",
        "%Y%m%d", "%Y-%m", "%Y",
        "%b %d %Y", "%b %d, %Y", "%d %b %Y", "%d-%b-%Y", "%B %d %Y", "%B %d, %Y", "%d %B %Y", "%d %B, %Y",
        "%a %b %d %Y", "%a, %d %b %Y", "%A, %B %d, %Y", "%b %Y", "%B %Y",
    ];

    private static readonly string[] Times = ["%H:%M:%S", "%H:%M", "%I:%M %p", "%I:%M:%S %p", "%H:%M:%S.%f"];

    /// <summary>Dates alone, times alone, and each date followed by each time (space or 'T').</summary>
    public static IReadOnlyList<string> Naive { get; } =
    [
        .. Dates,
        .. Times,
        .. Dates.Where(d => d.Length > 2).SelectMany(d => Times.SelectMany(t => new[] { $"{d} {t}", $"{d}T{t}" })),
        "%a %b %d %H:%M:%S %Y",
    ];

    /// <summary>Forms with a UTC offset or 'Z'.</summary>
    public static IReadOnlyList<string> Zoned { get; } =
    [
        "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S.%f%z", "%Y-%m-%dT%H:%M%z",
        "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S %Z",
    ];
}
