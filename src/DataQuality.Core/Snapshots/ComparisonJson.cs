using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataQuality.Core.Comparison;
using DataQuality.Core.Reporting;

namespace DataQuality.Core.Snapshots;

/// <summary>
/// Renders a <see cref="ComparisonReport"/> as strict JSON for machines, with the same
/// determinism rules as the Markdown: members in a fixed order, every count written (zeros
/// too), percentages rounded to 2 decimals, measured doubles to 10 significant digits, bounded
/// samples, scrubbed text.
/// </summary>
public static class ComparisonJson
{
    public const int SchemaVersion = 1;

    public static string Render(ComparisonReport report, SnapshotRenderOptions? options = null)
    {
        options ??= SnapshotRenderOptions.Default;
        var path = options.PathScrubber(report);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("base", path(report.BaseRoot));
            w.WriteString("head", path(report.HeadRoot));
            w.WriteString("layout", report.Layout);
            w.WriteStartObject("verdict");
            w.WriteBoolean("passed", report.Verdict.Passed);
            w.WriteNumber("exitCode", report.Verdict.ExitCode);
            w.WriteStartArray("breaches");
            foreach (var b in report.Verdict.Breaches)
            {
                w.WriteStartObject();
                w.WriteString("entity", b.Entity);
                w.WriteString("rule", b.Rule);
                w.WriteString("observed", b.Observed);
                w.WriteString("limit", b.Limit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("thresholds");
            NullableNumber(w, "maxChangedRows", report.Thresholds.MaxChangedRows);
            Double(w, "maxRowCountDeltaPercent", report.Thresholds.MaxRowCountDeltaPercent);
            w.WriteBoolean("failOnSchemaChange", report.Thresholds.FailOnSchemaChange);
            DriftNumber(w, "maxDriftPsi", report.Thresholds.MaxDriftPsi);
            w.WriteEndObject();
            w.WriteStartArray("entities");
            foreach (var e in report.Entities) Entity(w, e, options);
            w.WriteEndArray();
            w.WriteStartArray("manifests");
            foreach (var m in report.Manifests) Manifest(w, m, path);
            w.WriteEndArray();
            w.WriteStartArray("unmatchedFiles");
            foreach (var f in report.UnmatchedFiles) w.WriteStringValue(path(f));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return SnapshotText.Normalize(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Entity(Utf8JsonWriter w, EntityComparison e, SnapshotRenderOptions options)
    {
        w.WriteStartObject();
        w.WriteString("name", e.Name);
        w.WriteString("presence", e.Presence.ToString().ToLowerInvariant());
        w.WriteBoolean("identicalFiles", e.IdenticalFiles);
        Strings(w, "baseSchemaVersions", e.BaseSchemaVersions);
        Strings(w, "headSchemaVersions", e.HeadSchemaVersions);
        w.WritePropertyName("rowCounts");
        Counts(w, e.RowCounts);
        w.WriteStartArray("partitions");
        foreach (var p in e.Partitions)
        {
            w.WriteStartObject();
            w.WriteString("partition", p.Partition);
            w.WriteString("status", p.Status.ToString().ToLowerInvariant());
            w.WriteNumber("baseRows", p.BaseRows);
            w.WriteNumber("headRows", p.HeadRows);
            w.WriteNumber("delta", p.Rows.Delta);
            Double(w, "deltaPercent", p.Rows.DeltaPercent, percent: true);
            w.WriteNumber("baseFiles", p.BaseFiles);
            w.WriteNumber("headFiles", p.HeadFiles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("schemaChanges");
        foreach (var c in e.SchemaChanges)
        {
            w.WriteStartObject();
            w.WriteString("column", c.Column);
            w.WriteString("kind", c.Kind.ToString());
            NullableString(w, "before", c.Before);
            NullableString(w, "after", c.After);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("columns");
        foreach (var c in e.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            NullableString(w, "baseType", c.BaseType);
            NullableString(w, "headType", c.HeadType);
            NullableBool(w, "baseNullable", c.BaseNullable);
            NullableBool(w, "headNullable", c.HeadNullable);
            w.WriteBoolean("excluded", c.Excluded);
            // The type a changed column's values are compared in (both sides read in it); null when unchanged or one-sided.
            NullableString(w, "comparedAs", c.BaseType is not null && c.HeadType is not null && c.BaseType != c.HeadType ? ColumnTypes.CommonType(c.BaseType, c.HeadType) : null);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (e.Keyed is { } k) Keyed(w, k, options.MaxSamples);
        else w.WriteNull("rows");
        w.WriteStartArray("profile");
        foreach (var p in e.Profile)
        {
            w.WriteStartObject();
            w.WriteString("column", p.Column);
            w.WriteBoolean("changed", !ComparisonMarkdown.SameProfile(p.Base, p.Head));
            Profile(w, "base", p.Base);
            Profile(w, "head", p.Head);
            Drift(w, p.Drift);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Keyed(Utf8JsonWriter w, KeyedComparison k, int max)
    {
        w.WriteStartObject("rows");
        Strings(w, "keyColumns", k.KeyColumns);
        Health(w, "baseKeys", k.BaseKeys);
        Health(w, "headKeys", k.HeadKeys);
        w.WriteNumber("duplicateKeysEitherSide", k.DuplicateKeysEitherSide);
        w.WriteNumber("classified", k.ClassifiedKeys);
        foreach (var (name, value) in new[] { ("added", k.Added), ("removed", k.Removed), ("changed", k.Changed), ("identical", k.Identical) })
        {
            w.WriteStartObject(name);
            w.WriteNumber("rows", value);
            Double(w, "percent", k.ClassifiedKeys == 0 ? 0 : 100.0 * value / k.ClassifiedKeys, percent: true);
            w.WriteEndObject();
        }
        w.WriteNumber("identicalWithinTolerance", k.IdenticalWithinTolerance);
        w.WriteNumber("identicalInSkippedPartitions", k.IdenticalInSkippedPartitions);
        w.WriteStartArray("columns");
        foreach (var c in k.Columns)
        {
            w.WriteStartObject();
            w.WriteString("column", c.Column);
            w.WriteNumber("unequal", c.Unequal);
            w.WriteNumber("nullOnlyInBase", c.NullOnlyInBase);
            w.WriteNumber("nullOnlyInHead", c.NullOnlyInHead);
            Double(w, "maxAbsoluteDifference", c.MaxAbsoluteDifference);
            Double(w, "absoluteTolerance", c.AbsoluteTolerance);
            Double(w, "relativeTolerance", c.RelativeTolerance);
            w.WriteNumber("withinTolerance", c.WithinTolerance);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("samples");
        w.WriteStartArray("changed");
        foreach (var s in k.Samples.Changed.Take(max))
        {
            w.WriteStartObject();
            w.WriteString("key", s.Key);
            ValueChanges(w, "changes", "column", s.Changes);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "added", k.Samples.Added.Take(max).ToList());
        Strings(w, "removed", k.Samples.Removed.Take(max).ToList());
        w.WriteStartArray("duplicateKeys");
        foreach (var d in k.Samples.DuplicateKeys.Take(max))
        {
            w.WriteStartObject();
            w.WriteString("key", d.Key);
            w.WriteNumber("baseRows", d.BaseRows);
            w.WriteNumber("headRows", d.HeadRows);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Drift(Utf8JsonWriter w, ColumnDrift? d)
    {
        if (d is null) { w.WriteNull("drift"); return; }
        w.WriteStartObject("drift");
        w.WriteString("kind", d.Kind);
        DriftNumber(w, "psi", d.Psi);
        DriftNumber(w, "ks", d.KolmogorovSmirnov);
        if (d.NotEvaluable is { } why) w.WriteString("notEvaluable", why);
        // The overlaid histogram lets `dq report` draw base and head from this file alone.
        if (d.Histogram is { } bins)
        {
            w.WriteStartArray("histogram");
            foreach (var b in bins)
            {
                w.WriteStartObject();
                Double(w, "lower", b.Lower);
                Double(w, "upper", b.Upper);
                Double(w, "base", b.Base);
                Double(w, "head", b.Head);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    // Written as raw JSON numbers with four decimals, the same text as the Markdown report.
    private static void DriftNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is not { } v) { w.WriteNull(name); return; }
        JsonNumbers.Write(w, name, v, VerdictEvaluator.DriftNumber);
    }

    private static void Profile(Utf8JsonWriter w, string name, ColumnProfile? p)
    {
        if (p is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteNumber("count", p.Count);
        w.WriteNumber("nulls", p.Nulls);
        w.WriteNumber("distinctApprox", p.DistinctApprox);
        NullableString(w, "min", p.Min);
        NullableString(w, "max", p.Max);
        Double(w, "mean", p.Mean);
        if (p.TopValues is null) w.WriteNull("topValues");
        else
        {
            w.WriteStartArray("topValues");
            foreach (var t in p.TopValues)
            {
                w.WriteStartObject();
                NullableString(w, "value", t.Value);
                w.WriteNumber("count", t.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Manifest(Utf8JsonWriter w, ManifestComparison m, Func<string, string> path)
    {
        w.WriteStartObject();
        w.WriteString("path", path(m.Path));
        w.WriteString("presence", m.Presence.ToString().ToLowerInvariant());
        NullableString(w, "layer", m.Layer);
        NullableString(w, "entity", m.Entity);
        NullableNumber(w, "baseRecordCount", m.BaseRecordCount);
        NullableNumber(w, "headRecordCount", m.HeadRecordCount);
        ValueChanges(w, "modelVersionChanges", "model", m.ModelVersionChanges);
        w.WriteEndObject();
    }

    /// <summary>An array of <c>{name, base, head}</c> objects: changed cell values, changed model versions.</summary>
    private static void ValueChanges(Utf8JsonWriter w, string arrayName, string nameKey, IEnumerable<ValueChange> changes)
    {
        w.WriteStartArray(arrayName);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString(nameKey, c.Column);
            NullableString(w, "base", c.Base);
            NullableString(w, "head", c.Head);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Counts(Utf8JsonWriter w, RowCountComparison c)
    {
        w.WriteStartObject();
        w.WriteNumber("base", c.Base);
        w.WriteNumber("head", c.Head);
        w.WriteNumber("delta", c.Delta);
        Double(w, "deltaPercent", c.DeltaPercent, percent: true);
        w.WriteEndObject();
    }

    private static void Health(Utf8JsonWriter w, string name, KeyHealth h)
    {
        w.WriteStartObject(name);
        w.WriteNumber("rows", h.Rows);
        w.WriteNumber("nullKeyRows", h.NullKeyRows);
        w.WriteNumber("duplicateKeys", h.DuplicateKeys);
        w.WriteNumber("duplicateKeyRows", h.DuplicateKeyRows);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void NullableBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteBoolean(name, value.Value);
    }

    private static void NullableNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }

    /// <summary>
    /// Percentages to 2 decimals, other doubles to 10 significant digits; null only for "not
    /// applicable", NaN and infinities as the strings <see cref="JsonNumbers"/> writes.
    /// </summary>
    private static void Double(Utf8JsonWriter w, string name, double? value, bool percent = false)
    {
        if (value is not { } v) { w.WriteNull(name); return; }
        JsonNumbers.Write(w, name, v, percent
            ? p => SnapshotFormat.RoundPercent(p).ToString("0.0#", CultureInfo.InvariantCulture)
            : n => SnapshotFormat.Number(n));
    }
}
