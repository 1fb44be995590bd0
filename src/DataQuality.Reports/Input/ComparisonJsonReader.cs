using System.Text.Json.Nodes;
using DataQuality.Core.Comparison;

using static DataQuality.Reports.Input.JsonRead;

namespace DataQuality.Reports.Input;

/// <summary>
/// Reads what <c>dq compare --format json</c> writes (<see cref="Core.Snapshots.ComparisonJson"/>) back
/// into a <see cref="ComparisonReport"/>. Unknown members are ignored and missing ones read as empty,
/// so older and newer files of the same schema version both load.
/// </summary>
public static class ComparisonJsonReader
{
    public static ComparisonReport Read(string json, string source) =>
        Read(Parse(json, source) as JsonObject ?? throw Bad(source, "a comparison is a JSON object"), source);

    /// <summary>A comparison already parsed, e.g. the <c>comparison</c> member of a bench result.</summary>
    internal static ComparisonReport Read(JsonObject root, string source)
    {
        if (root["entities"] is not JsonArray || root["verdict"] is not JsonObject verdict)
            throw Bad(source, "it has no 'entities' and 'verdict'; is it the output of 'dq compare --format json'?");
        var t = root["thresholds"] as JsonObject ?? [];
        return new ComparisonReport(
            Str(root["base"], "base"),
            Str(root["head"], "head"),
            Str(root["layout"], ""),
            Items(root["entities"]).OfType<JsonObject>().Select(Entity).ToList(),
            Items(root["manifests"]).OfType<JsonObject>().Select(Manifest).ToList(),
            Strings(root["unmatchedFiles"]),
            new ComparisonThresholds
            {
                MaxChangedRows = LongOrNull(t["maxChangedRows"]),
                MaxRowCountDeltaPercent = Num(t["maxRowCountDeltaPercent"]),
                FailOnSchemaChange = Bool(t["failOnSchemaChange"]),
                MaxDriftPsi = Num(t["maxDriftPsi"]),
            },
            new ComparisonVerdict(Bool(verdict["passed"], true), Items(verdict["breaches"]).OfType<JsonObject>()
                .Select(b => new ThresholdBreach(Str(b["entity"], ""), Str(b["rule"], ""), Str(b["observed"], ""), Str(b["limit"], ""))).ToList()));
    }

    private static EntityComparison Entity(JsonObject e)
    {
        var counts = e["rowCounts"] as JsonObject ?? [];
        return new EntityComparison(
            Str(e["name"], ""),
            Presence(e["presence"]),
            Strings(e["baseSchemaVersions"]),
            Strings(e["headSchemaVersions"]),
            Bool(e["identicalFiles"]),
            new RowCountComparison(Long(counts["base"]), Long(counts["head"])),
            Items(e["partitions"]).OfType<JsonObject>().Select(p => new PartitionComparison(
                Str(p["partition"], ""),
                Enum.TryParse<PartitionStatus>(Str(p["status"]), true, out var s) ? s : PartitionStatus.Differs,
                Long(p["baseRows"]), Long(p["headRows"]), (int)Long(p["baseFiles"]), (int)Long(p["headFiles"]))).ToList(),
            Items(e["schemaChanges"]).OfType<JsonObject>().Select(c => new ColumnSchemaChange(
                Str(c["column"], ""),
                Enum.TryParse<SchemaChangeKind>(Str(c["kind"]), true, out var k) ? k : SchemaChangeKind.TypeChanged,
                Str(c["before"]), Str(c["after"]))).ToList(),
            Items(e["columns"]).OfType<JsonObject>().Select(c => new SchemaColumn(
                Str(c["name"], ""), Str(c["baseType"]), Str(c["headType"]), BoolOrNull(c["baseNullable"]), BoolOrNull(c["headNullable"]), Bool(c["excluded"]))).ToList(),
            e["rows"] is JsonObject rows ? Keyed(rows) : null,
            Items(e["profile"]).OfType<JsonObject>().Select(p => new ColumnProfileComparison(
                Str(p["column"], ""), Profile(p["base"]), Profile(p["head"]), Drift(p["drift"]))).ToList());
    }

    private static KeyedComparison Keyed(JsonObject k)
    {
        var samples = k["samples"] as JsonObject ?? [];
        return new KeyedComparison(
            Strings(k["keyColumns"]),
            Health(k["baseKeys"]),
            Health(k["headKeys"]),
            Long(k["duplicateKeysEitherSide"]),
            Long(k["added"]?["rows"]),
            Long(k["removed"]?["rows"]),
            Long(k["changed"]?["rows"]),
            Long(k["identical"]?["rows"]),
            Long(k["identicalWithinTolerance"]),
            Long(k["identicalInSkippedPartitions"]),
            Items(k["columns"]).OfType<JsonObject>().Select(c => new ColumnValueComparison(
                Str(c["column"], ""), Long(c["unequal"]), Long(c["nullOnlyInBase"]), Long(c["nullOnlyInHead"]),
                Num(c["maxAbsoluteDifference"]), Num(c["absoluteTolerance"]), Num(c["relativeTolerance"]), Long(c["withinTolerance"]))).ToList(),
            new RowSamples(
                Strings(samples["added"]),
                Strings(samples["removed"]),
                Items(samples["changed"]).OfType<JsonObject>().Select(s => new ChangedRowSample(Str(s["key"], ""), Changes(s["changes"], "column"))).ToList(),
                Items(samples["duplicateKeys"]).OfType<JsonObject>().Select(d => new DuplicateKeySample(Str(d["key"], ""), Long(d["baseRows"]), Long(d["headRows"]))).ToList()));
    }

    private static KeyHealth Health(JsonNode? h) =>
        new(Long(h?["rows"]), Long(h?["nullKeyRows"]), Long(h?["duplicateKeys"]), Long(h?["duplicateKeyRows"]));

    private static Core.Comparison.ColumnProfile? Profile(JsonNode? p) => p is not JsonObject o ? null : new ColumnProfile(
        Long(o["count"]), Long(o["nulls"]), Long(o["distinctApprox"]), Str(o["min"]), Str(o["max"]), Num(o["mean"]),
        o["topValues"] is JsonArray top ? top.OfType<JsonObject>().Select(t => new TopValue(Str(t["value"]), Long(t["count"]))).ToList() : null);

    private static ColumnDrift? Drift(JsonNode? d) => d is not JsonObject o ? null : new ColumnDrift(
        Str(o["kind"], ""), Num(o["psi"]), Num(o["ks"]))
    {
        Histogram = o["histogram"] is JsonArray bins
            ? bins.OfType<JsonObject>().Select(b => new Core.Profiling.DriftBin(Num(b["lower"]) ?? 0, Num(b["upper"]) ?? 0, Num(b["base"]) ?? 0, Num(b["head"]) ?? 0)).ToList()
            : null,
        NotEvaluable = Str(o["notEvaluable"]),
    };

    private static Presence Presence(JsonNode? node) => Enum.TryParse<Presence>(Str(node), true, out var p) ? p : Core.Comparison.Presence.Both;

    private static ManifestComparison Manifest(JsonObject m) => new(
        Str(m["path"], ""), Presence(m["presence"]), Str(m["layer"]), Str(m["entity"]),
        LongOrNull(m["baseRecordCount"]), LongOrNull(m["headRecordCount"]), Changes(m["modelVersionChanges"], "model"));

    private static List<ValueChange> Changes(JsonNode? node, string nameKey) =>
        Items(node).OfType<JsonObject>().Select(c => new ValueChange(Str(c[nameKey], ""), Str(c["base"]), Str(c["head"]))).ToList();
}
