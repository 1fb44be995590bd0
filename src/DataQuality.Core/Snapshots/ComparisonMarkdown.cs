using System.Text;
using DataQuality.Core.Comparison;
using static DataQuality.Core.Snapshots.SnapshotFormat;

namespace DataQuality.Core.Snapshots;

/// <summary>
/// Renders a <see cref="ComparisonReport"/> as the Markdown a reviewer reads in a pull request.
/// Deterministic: sections and tables in a fixed order, numbers through
/// <see cref="SnapshotFormat"/>, zeros written out, samples bounded, volatile values scrubbed.
/// </summary>
public static class ComparisonMarkdown
{
    public static string Render(ComparisonReport report, SnapshotRenderOptions? options = null)
    {
        options ??= SnapshotRenderOptions.Default;
        var path = options.PathScrubber(report);
        var md = new StringBuilder();
        md.Append("# Comparison: base vs head\n\n");
        md.Append($"- base: `{path(report.BaseRoot)}`\n- head: `{path(report.HeadRoot)}`\n- layout: `{report.Layout}`\n");
        md.Append($"- thresholds: {Thresholds(report.Thresholds)}\n");
        md.Append($"- verdict: **{(report.Verdict.Passed ? "passed" : "failed")}**\n\n");

        md.Append("## Summary\n\n");
        md.Append("| entity | presence | rows base | rows head | delta | delta % | added | removed | changed | identical | schema changes |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var e in report.Entities)
        {
            var k = e.Keyed;
            md.Append($"| {Cell(e.Name)} | {Presence(e)} | {Integer(e.RowCounts.Base)} | {Integer(e.RowCounts.Head)} | {Delta(e.RowCounts.Delta)} | {DeltaPercent(e.RowCounts.DeltaPercent)} | ");
            md.Append(k is null ? "- | - | - | - | " : $"{Integer(k.Added)} | {Integer(k.Removed)} | {Integer(k.Changed)} | {Integer(k.Identical)} | ");
            md.Append($"{Integer(e.SchemaChanges.Count)} |\n");
        }
        md.Append('\n');

        md.Append("## Threshold breaches\n\n");
        if (report.Verdict.Breaches.Count == 0) md.Append("None.\n\n");
        else
        {
            md.Append("| entity | rule | observed | limit |\n|---|---|---|---|\n");
            foreach (var b in report.Verdict.Breaches) md.Append($"| {Cell(b.Entity)} | {b.Rule} | {Cell(b.Observed)} | {Cell(b.Limit)} |\n");
            md.Append('\n');
        }

        foreach (var e in report.Entities) Entity(md, e, options);
        Manifests(md, report.Manifests, path);
        if (report.UnmatchedFiles.Count > 0)
        {
            md.Append($"## Files outside the layout ({Integer(report.UnmatchedFiles.Count)})\n\n");
            foreach (var f in report.UnmatchedFiles.Take(20)) md.Append($"- `{path(f)}`\n");
            if (report.UnmatchedFiles.Count > 20) md.Append($"- … {Integer(report.UnmatchedFiles.Count - 20)} more\n");
            md.Append('\n');
        }
        return SnapshotText.Normalize(md.ToString());
    }

    private static string Thresholds(ComparisonThresholds t)
    {
        var parts = new List<string>();
        if (t.MaxChangedRows is { } r) parts.Add($"max changed rows {Integer(r)}");
        if (t.MaxRowCountDeltaPercent is { } p) parts.Add($"max row count delta {Percent(p)}");
        if (t.FailOnSchemaChange) parts.Add("fail on schema change");
        if (t.MaxDriftPsi is { } psi) parts.Add($"max drift PSI {VerdictEvaluator.DriftNumber(psi)}");
        return parts.Count == 0 ? "none (report only)" : string.Join(", ", parts);
    }

    private static string Presence(EntityComparison e) => e.Presence switch
    {
        Comparison.Presence.Added => "added",
        Comparison.Presence.Removed => "removed",
        _ => e.IdenticalFiles ? "identical files" : "both",
    };

    private static void Entity(StringBuilder md, EntityComparison e, SnapshotRenderOptions options)
    {
        md.Append($"## {Cell(e.Name)}\n\n");
        md.Append($"- presence: {Presence(e)}\n");
        if (e.BaseSchemaVersions.Count + e.HeadSchemaVersions.Count > 0)
            md.Append($"- schema version: {Versions(e.BaseSchemaVersions)} -> {Versions(e.HeadSchemaVersions)}\n");
        md.Append($"- rows: {Integer(e.RowCounts.Base)} -> {Integer(e.RowCounts.Head)} ({Delta(e.RowCounts.Delta)}, {DeltaPercent(e.RowCounts.DeltaPercent)})\n");
        md.Append($"- partitions: {Integer(e.Partitions.Count)} ({PartitionTally(e.Partitions)})\n\n");

        md.Append("### Schema\n\n");
        if (e.SchemaChanges.Count == 0) md.Append("No schema changes.\n\n");
        else
        {
            md.Append("| column | change | base | head |\n|---|---|---|---|\n");
            foreach (var c in e.SchemaChanges) md.Append($"| {Cell(c.Column)} | {Kind(c.Kind)} | {Cell(c.Before ?? Missing)} | {Cell(c.After ?? Missing)} |\n");
            md.Append('\n');
        }
        md.Append("| column | base type | head type | base nullable | head nullable | compared |\n|---|---|---|---|---|---|\n");
        foreach (var c in e.Columns)
            md.Append($"| {Cell(c.Name)} | {Cell(c.BaseType ?? Missing)} | {Cell(c.HeadType ?? Missing)} | {YesNo(c.BaseNullable)} | {YesNo(c.HeadNullable)} | {Compared(e, c)} |\n");
        md.Append('\n');

        md.Append("### Partitions\n\n| partition | status | rows base | rows head | delta | delta % | files base | files head |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var p in e.Partitions)
            md.Append($"| {Cell(p.Partition.Length == 0 ? "(all)" : p.Partition)} | {p.Status.ToString().ToLowerInvariant()} | {Integer(p.BaseRows)} | {Integer(p.HeadRows)} | {Delta(p.Rows.Delta)} | {DeltaPercent(p.Rows.DeltaPercent)} | {Integer(p.BaseFiles)} | {Integer(p.HeadFiles)} |\n");
        md.Append('\n');

        if (e.Keyed is { } k) Keyed(md, k, options);
        Profile(md, e.Profile, options);
        Drift(md, e.Profile);
    }

    private static void Drift(StringBuilder md, IReadOnlyList<ColumnProfileComparison> profile)
    {
        var drifted = profile.Where(p => p.Drift is not null).ToList();
        if (drifted.Count == 0) return;
        md.Append("### Drift\n\nPSI and KS from the profiler's sketches (approximate; PSI below 0.1 is commonly read as stable, above 0.25 as shifted).\n\n");
        md.Append("| column | kind | PSI | KS |\n|---|---|---:|---:|\n");
        foreach (var p in drifted)
            md.Append(p.Drift!.NotEvaluable is { } why
                ? $"| {Cell(p.Column)} | {p.Drift.Kind} | {Cell(why)} | |\n"
                : $"| {Cell(p.Column)} | {p.Drift.Kind} | {DriftNumber(p.Drift.Psi)} | {DriftNumber(p.Drift.KolmogorovSmirnov)} |\n");
        md.Append('\n');
    }

    private static string DriftNumber(double? value) => value is { } v && double.IsFinite(v) ? VerdictEvaluator.DriftNumber(v) : Missing;

    private static void Keyed(StringBuilder md, KeyedComparison k, SnapshotRenderOptions options)
    {
        if (k.KeyColumns.Count > 0)
        {
            md.Append($"### Keys: {string.Join(", ", k.KeyColumns.Select(c => $"`{c}`"))}\n\n");
            md.Append("| side | rows | null key rows | duplicate keys | rows with duplicate keys |\n|---|---:|---:|---:|---:|\n");
            md.Append($"| base | {Integer(k.BaseKeys.Rows)} | {Integer(k.BaseKeys.NullKeyRows)} | {Integer(k.BaseKeys.DuplicateKeys)} | {Integer(k.BaseKeys.DuplicateKeyRows)} |\n");
            md.Append($"| head | {Integer(k.HeadKeys.Rows)} | {Integer(k.HeadKeys.NullKeyRows)} | {Integer(k.HeadKeys.DuplicateKeys)} | {Integer(k.HeadKeys.DuplicateKeyRows)} |\n\n");
            md.Append($"Keys duplicated on either side (left out of the row classification): {Integer(k.DuplicateKeysEitherSide)}.\n\n");
        }
        else md.Append("### Rows (no key: matched as whole rows)\n\n");

        md.Append(k.KeyColumns.Count > 0 ? "### Rows\n\n" : "");
        md.Append("| status | rows | % |\n|---|---:|---:|\n");
        var total = k.ClassifiedKeys;
        md.Append($"| added | {Integer(k.Added)} | {Share(k.Added, total)} |\n");
        md.Append($"| removed | {Integer(k.Removed)} | {Share(k.Removed, total)} |\n");
        md.Append($"| changed | {Integer(k.Changed)} | {Share(k.Changed, total)} |\n");
        md.Append($"| identical | {Integer(k.Identical)} | {Share(k.Identical, total)} |\n\n");
        md.Append($"Identical includes {Integer(k.IdenticalWithinTolerance)} within tolerance and {Integer(k.IdenticalInSkippedPartitions)} in byte-identical partitions (not read).\n\n");

        if (k.Columns.Count > 0)
        {
            md.Append("### Columns\n\n| column | unequal | null only in base | null only in head | max abs diff | tolerance | within tolerance |\n|---|---:|---:|---:|---:|---|---:|\n");
            foreach (var c in k.Columns)
                md.Append($"| {Cell(c.Column)} | {Integer(c.Unequal)} | {Integer(c.NullOnlyInBase)} | {Integer(c.NullOnlyInHead)} | {Number(c.MaxAbsoluteDifference)} | {Tolerance(c)} | {Integer(c.WithinTolerance)} |\n");
            md.Append('\n');
        }

        var s = k.Samples;
        if (s.Changed.Count + s.Added.Count + s.Removed.Count + s.DuplicateKeys.Count == 0) return;
        md.Append("### Samples\n\n");
        var max = options.MaxSamples;
        if (s.Changed.Count > 0)
        {
            md.Append($"Changed ({Integer(Math.Min(max, s.Changed.Count))} of {Integer(k.Changed)}, by key):\n\n| key | column | base | head |\n|---|---|---|---|\n");
            foreach (var row in s.Changed.Take(max))
                foreach (var c in row.Changes)
                    md.Append($"| {Value(row.Key)} | {Cell(c.Column)} | {Value(c.Base)} | {Value(c.Head)} |\n");
            md.Append('\n');
        }
        KeyList(md, "Added", s.Added, k.Added, max);
        KeyList(md, "Removed", s.Removed, k.Removed, max);
        if (s.DuplicateKeys.Count > 0)
        {
            md.Append($"Duplicate keys ({Integer(Math.Min(max, s.DuplicateKeys.Count))} of {Integer(k.DuplicateKeysEitherSide)}, by key):\n\n| key | rows base | rows head |\n|---|---:|---:|\n");
            foreach (var d in s.DuplicateKeys.Take(max)) md.Append($"| {Value(d.Key)} | {Integer(d.BaseRows)} | {Integer(d.HeadRows)} |\n");
            md.Append('\n');
        }
    }

    private static void KeyList(StringBuilder md, string label, IReadOnlyList<string> keys, long total, int max)
    {
        if (keys.Count == 0) return;
        md.Append($"{label} ({Integer(Math.Min(max, keys.Count))} of {Integer(total)}, by key): {string.Join(", ", keys.Take(max).Select(k => $"`{Cell(Truncate(k))}`"))}\n\n");
    }

    private static void Profile(StringBuilder md, IReadOnlyList<ColumnProfileComparison> profile, SnapshotRenderOptions options)
    {
        if (profile.Count == 0) return;
        var shown = options.IncludeUnchangedProfiles ? profile.ToList() : profile.Where(p => p.Base != p.Head && !SameProfile(p.Base, p.Head)).ToList();
        md.Append("### Profile\n\n");
        if (shown.Count == 0)
        {
            md.Append($"All {Integer(profile.Count)} column profiles are unchanged.\n\n");
            return;
        }
        md.Append("| column | side | count | nulls | distinct (approx.) | min | max | mean | top values |\n|---|---|---:|---:|---:|---|---|---:|---|\n");
        foreach (var p in shown)
        {
            ProfileRow(md, p.Column, "base", p.Base);
            ProfileRow(md, p.Column, "head", p.Head);
        }
        md.Append($"\n{Integer(profile.Count - shown.Count)} of {Integer(profile.Count)} column profiles unchanged.\n\n");
    }

    internal static bool SameProfile(ColumnProfile? a, ColumnProfile? b) =>
        a is not null && b is not null && a with { TopValues = null } == b with { TopValues = null }
        && (a.TopValues ?? []).SequenceEqual(b.TopValues ?? []);

    private static void ProfileRow(StringBuilder md, string column, string side, ColumnProfile? p)
    {
        if (p is null)
        {
            md.Append($"| {Cell(column)} | {side} | - | - | - | - | - | - | - |\n");
            return;
        }
        var top = p.TopValues is null ? Missing : string.Join(", ", p.TopValues.Select(t => $"{Truncate(t.Value ?? "null", 30)} ({Integer(t.Count)})"));
        md.Append($"| {Cell(column)} | {side} | {Integer(p.Count)} | {Integer(p.Nulls)} | {Integer(p.DistinctApprox)} | {Value(p.Min)} | {Value(p.Max)} | {Number(p.Mean)} | {Cell(top)} |\n");
    }

    private static void Manifests(StringBuilder md, IReadOnlyList<ManifestComparison> manifests, Func<string, string> path)
    {
        if (manifests.Count == 0) return;
        md.Append("## Manifests\n\n| path | presence | layer | entity | record_count base | record_count head | delta | model versions changed |\n|---|---|---|---|---:|---:|---:|---|\n");
        foreach (var m in manifests)
        {
            var delta = m.BaseRecordCount is { } b && m.HeadRecordCount is { } h ? Delta(h - b) : Missing;
            var versions = m.ModelVersionChanges.Count == 0 ? "none" : string.Join(", ", m.ModelVersionChanges.Select(c => $"{c.Column} {c.Base ?? Missing} -> {c.Head ?? Missing}"));
            md.Append($"| {Cell(path(m.Path))} | {m.Presence.ToString().ToLowerInvariant()} | {Cell(m.Layer ?? Missing)} | {Cell(m.Entity ?? Missing)} | {Integer(m.BaseRecordCount)} | {Integer(m.HeadRecordCount)} | {delta} | {Cell(versions)} |\n");
        }
        md.Append('\n');
    }

    private static string Compared(EntityComparison e, SchemaColumn c) =>
        e.Keyed?.KeyColumns.Contains(c.Name) == true ? "key"
        : c.Excluded ? "excluded"
        : c.BaseType is null || c.HeadType is null ? "no"
        : c.BaseType != c.HeadType ? $"yes, as {ColumnTypes.CommonType(c.BaseType, c.HeadType)}" // the type both sides are read in
        : "yes";

    private static string PartitionTally(IReadOnlyList<PartitionComparison> partitions) =>
        string.Join(", ", Enum.GetValues<PartitionStatus>().Select(s => $"{Integer(partitions.Count(p => p.Status == s))} {s.ToString().ToLowerInvariant()}"));

    private static string Versions(IReadOnlyList<string> v) => v.Count == 0 ? Missing : string.Join(",", v);

    private static string Kind(SchemaChangeKind kind) => kind switch
    {
        SchemaChangeKind.ColumnAdded => "column added",
        SchemaChangeKind.ColumnRemoved => "column removed",
        SchemaChangeKind.TypeChanged => "type changed",
        _ => "nullability changed",
    };

    private static string YesNo(bool? value) => value is null ? Missing : value.Value ? "yes" : "no";

    private static string Tolerance(ColumnValueComparison c) =>
        c.AbsoluteTolerance is null && c.RelativeTolerance is null ? "exact"
        : string.Join(", ", new[] { c.AbsoluteTolerance is { } a ? "abs " + Number(a) : null, c.RelativeTolerance is { } r ? "rel " + Number(r) : null }.OfType<string>());

    private static string Value(string? value) => value is null ? "null" : "`" + Cell(Truncate(value)).Replace("`", "'") + "`";

    /// <summary>Table-safe text: pipes escaped, line breaks flattened.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}
