using System.Globalization;
using System.Text;
using DataQuality.Core.Profiling;
using Spectre.Console;

namespace DataQuality.Cli.Commands;

/// <summary>Human renderings of a profile: a Spectre.Console table and GitHub Markdown, same columns.</summary>
internal static class ProfileRendering
{
    private static readonly string[] Headers = ["column", "kind", "nulls", "distinct", "min", "max", "mean", "std", "p5", "p50", "p95", "top values"];

    public static void Table(DatasetProfile profile, TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 400; // redirected output: never wrap rows
        console.WriteLine(Summary(profile));
        var table = new Table().Border(terminal ? TableBorder.Rounded : TableBorder.Ascii);
        foreach (var h in Headers) table.AddColumn(new TableColumn(h));
        foreach (var row in Rows(profile)) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
        foreach (var note in Notes(profile)) console.WriteLine(note);
    }

    public static string Markdown(DatasetProfile profile)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(Summary(profile)).AppendLine("**").AppendLine();
        sb.Append("| ").Append(string.Join(" | ", Headers)).AppendLine(" |");
        sb.Append('|').Append(string.Concat(Headers.Select(_ => "---|"))).AppendLine();
        foreach (var row in Rows(profile))
            sb.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).AppendLine(" |");
        var notes = Notes(profile).ToList();
        if (notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var n in notes) sb.Append("- ").AppendLine(n);
        }
        return sb.ToString();
    }

    private static string Summary(DatasetProfile p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.RowCount:N0} rows, {p.Columns.Count} columns, {p.Files.Count} file(s), {p.Files.Sum(f => f.RowGroups)} row group(s)");

    private static IEnumerable<string[]> Rows(DatasetProfile profile)
    {
        foreach (var c in profile.Columns)
        {
            if (c.Unsupported is not null)
            {
                yield return [c.Path, "unsupported", Nulls(c), "", "", "", "", "", "", "", "", ""];
                continue;
            }
            var q = c.Quantiles;
            string Q(string key) => q is not null && q.TryGetValue(key, out var v) ? Short(c.FormatNumber(v)) : "";
            yield return
            [
                c.Path + (c.Repeated ? " []" : "") + (c.Partition ? " (partition)" : ""),
                c.Kind.ToString().ToLowerInvariant(),
                Nulls(c),
                Distinct(c),
                Short(c.Min ?? ""),
                Short(c.Max ?? ""),
                c.Mean is { } m ? Short(c.FormatNumber(m)) : "",
                c.StandardDeviation is { } s && !c.Kind.IsTemporal() ? Number(s) : "",
                Q("p5"), Q("p50"), Q("p95"),
                TopValues(c),
            ];
        }
    }

    /// <summary>Metadata-only columns were never decoded, so nothing is known about their distinct values.</summary>
    private static string Distinct(ColumnProfile c) =>
        c.NonNullCount == 0 ? "0"
        : c.TopKSketch.Total == 0 ? "n/a"
        : "~" + c.DistinctEstimate.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Exact counts print as they are; sketch counts (more distinct values than the sketch holds) print
    /// as <c>~n</c>, and only those above the sketch's error bound: below it a "top value" is noise, so a
    /// near-unique column reads "unique (~N distinct)" instead of listing arbitrary keys with count 2.
    /// </summary>
    private static string TopValues(ColumnProfile c)
    {
        var top = c.TopValues;
        if (top.Count == 0) return "";
        string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        if (c.TopValuesExact)
            return top[0].Count <= 1 ? "(no repeats)" : string.Join(", ", top.Take(3).Select(v => $"{Short(v.Value, 16)} ({Count(v.Count)})"));
        var error = c.TopKSketch.MaxError;
        var frequent = top.Where(v => v.Count > error).Take(3).ToList();
        if (frequent.Count > 0)
            return string.Join(", ", frequent.Select(v => $"{Short(v.Value, 16)} (~{Count(v.Count)})"));
        var distinct = "~" + c.DistinctEstimate.ToString("N0", CultureInfo.InvariantCulture) + " distinct";
        return c.DistinctEstimate >= 0.9 * c.NonNullCount ? $"unique ({distinct})" : $"no frequent values ({distinct})";
    }

    private static IEnumerable<string> Notes(DatasetProfile profile)
    {
        foreach (var notice in profile.Notices ?? []) yield return notice;
        foreach (var c in profile.Columns)
        {
            if (c.Unsupported is not null) yield return $"{c.Path}: {c.Unsupported}";
            if (c.Strings is { Count: > 0 } s && c.Kind == ColumnKind.String)
            {
                var shares = new (string Name, long Count)[]
                {
                    ("integer", s.Parses.Integer), ("decimal", s.Parses.Decimal), ("date", s.Parses.Date), ("timestamp", s.Parses.Timestamp),
                    ("boolean", s.Parses.Boolean), ("uuid", s.Parses.Uuid), ("email", s.Parses.Email),
                }.Where(x => x.Count > 0).Select(x => $"{x.Name} {s.Share(x.Count):P1}".Replace("\u00a0", " ", StringComparison.Ordinal));
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{c.Path}: length {s.MinLength}..{s.MaxLength} (mean {s.MeanLength:F1}); parses as: {string.Join(", ", shares.DefaultIfEmpty("nothing"))}");
            }
        }
    }

    private static string Nulls(ColumnProfile c) => c.ValueCount == 0
        ? "0"
        : string.Create(CultureInfo.InvariantCulture, $"{c.NullCount:N0} ({(double)c.NullCount / c.ValueCount:P1})").Replace("\u00a0", " ", StringComparison.Ordinal);

    private static string Number(double v) => Math.Abs(v) >= 1e6 || (Math.Abs(v) < 1e-3 && v != 0)
        ? v.ToString("G4", CultureInfo.InvariantCulture)
        : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Short(string text, int max = 26)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Length > 10 && !text.Contains('-', StringComparison.Ordinal))
            text = Number(d);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
