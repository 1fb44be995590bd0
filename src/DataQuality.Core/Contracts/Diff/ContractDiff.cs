using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Contracts.Diff;

public enum ChangeKind
{
    Added,
    Updated,
    Removed,
}

public enum ChangeLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>One changed path (a leaf value, or a whole element that was added or removed).</summary>
public sealed record DiffChange(ChangeKind Kind, string Path, JsonNode? OldValue, JsonNode? NewValue, SourceLocation? OldLocation, SourceLocation? NewLocation);

/// <summary>A change summarised at element level (schema object, property, server, SLA entry, or a top-level key).</summary>
public sealed record DiffSummary(ChangeKind Kind, string Path);

/// <summary>A compatibility finding: ERROR breaks consumers, WARNING might, INFO does not.</summary>
public sealed record DiffFinding(ChangeLevel Level, string Code, string Path, string Message, SourceLocation? Location)
{
    public override string ToString() =>
        $"{Level.ToString().ToUpperInvariant()} {Code} {Path}: {Message}" + (Location is null ? "" : $" ({Location})");
}

public sealed record ContractDiffReport(IReadOnlyList<DiffChange> Changes, IReadOnlyList<DiffSummary> Summary, IReadOnlyList<DiffFinding> Findings)
{
    public bool Breaking => Findings.Any(f => f.Level == ChangeLevel.Error);
    public int Count(ChangeKind kind) => Summary.Count(s => s.Kind == kind);
}

/// <summary>
/// Compares two contracts (either standard; both are compared in the ODCS shape). Lists are matched
/// by name (schema, properties), server, property (SLA) or id (quality) rather than by position, so
/// reordering is not a change. Summary counts follow datacontract-cli's <c>changelog</c>; findings
/// follow its breaking-change rules (docs/contracts.md lists them).
/// </summary>
public static class ContractDiff
{
    private static readonly Dictionary<string, string> NamedLists = new(StringComparer.Ordinal)
    {
        ["schema"] = "name", ["properties"] = "name", ["servers"] = "server", ["slaProperties"] = "property",
        ["customProperties"] = "property", ["quality"] = "name",
    };

    private static readonly string[] Constraints = ["pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "format"];

    public static ContractDiffReport Compare(ContractDocument oldDoc, ContractDocument newDoc)
    {
        var oldFlat = Flatten(oldDoc);
        var newFlat = Flatten(newDoc);
        var changes = new List<DiffChange>();
        foreach (var (path, o) in oldFlat)
        {
            if (!newFlat.TryGetValue(path, out var n))
                changes.Add(new DiffChange(ChangeKind.Removed, path, o.Value, null, o.Location, null));
            else if (o.IsLeaf && n.IsLeaf && !JsonNode.DeepEquals(o.Value, n.Value))
                changes.Add(new DiffChange(ChangeKind.Updated, path, o.Value, n.Value, o.Location, n.Location));
        }
        foreach (var (path, n) in newFlat)
            if (!oldFlat.ContainsKey(path))
                changes.Add(new DiffChange(ChangeKind.Added, path, null, n.Value, null, n.Location));
        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        var summary = changes
            .Select(c => SummaryPath(c.Path, oldFlat, newFlat))
            .Distinct()
            .Select(p => new DiffSummary(!oldFlat.ContainsKey(p) ? ChangeKind.Added : !newFlat.ContainsKey(p) ? ChangeKind.Removed : ChangeKind.Updated, p))
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ToList();
        return new ContractDiffReport(changes, summary, Findings(changes, oldFlat, newFlat));
    }

    private sealed record Flat(JsonNode? Value, bool IsLeaf, string? ElementKind, SourceLocation Location);

    private static Dictionary<string, Flat> Flatten(ContractDocument doc)
    {
        var result = new Dictionary<string, Flat>(StringComparer.Ordinal);
        void Visit(JsonNode? node, string path, string? key)
        {
            if (node is JsonArray list && key is not null && NamedLists.TryGetValue(key, out var nameKey))
            {
                result[path] = new Flat(list, false, null, doc.LocationOf(list));
                var index = 0;
                foreach (var item in list)
                {
                    var name = item is JsonObject io ? (io[nameKey] ?? io["id"])?.ToString() : null;
                    var entryPath = $"{path}.{name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                    index++;
                    if (item is JsonObject entry)
                    {
                        result[entryPath] = new Flat(entry, false, ElementKindOf(key), doc.LocationOf(entry));
                        foreach (var (k, v) in entry)
                            if ((k != nameKey || name is null) && k != "dcsType") Visit(v, $"{entryPath}.{k}", k);
                    }
                    else Visit(item, entryPath, null);
                }
                return;
            }
            if (node is JsonObject obj)
            {
                if (path.Length > 0) result[path] = new Flat(obj, false, null, doc.LocationOf(obj));
                foreach (var (k, v) in obj)
                    if (k != "dcsType") Visit(v, path.Length == 0 ? k : $"{path}.{k}", k); // dcsType: bookkeeping of the DCS up-conversion
                return;
            }
            result[path] = new Flat(node, true, null, doc.LocationOf(node));
        }
        Visit(doc.Root, "", null);
        return result;
    }

    private static string ElementKindOf(string listKey) => listKey switch
    {
        "schema" => "schema",
        "properties" => "property",
        "servers" => "server",
        "slaProperties" => "sla",
        "quality" => "quality",
        _ => "entry",
    };

    /// <summary>
    /// The element a change is summarised under: the outermost element that was added or removed,
    /// else the deepest named element on the path (schema.orders.properties.id), else the top-level key.
    /// </summary>
    private static string SummaryPath(string path, Dictionary<string, Flat> oldFlat, Dictionary<string, Flat> newFlat)
    {
        var parts = path.Split('.');
        string? deepest = null;
        for (var n = 1; n <= parts.Length; n++)
        {
            var prefix = string.Join('.', parts.Take(n));
            var flat = oldFlat.GetValueOrDefault(prefix) ?? newFlat.GetValueOrDefault(prefix);
            if (flat?.ElementKind is null) continue;
            if (!oldFlat.ContainsKey(prefix) || !newFlat.ContainsKey(prefix)) return prefix;
            deepest = prefix;
        }
        return deepest ?? parts[0];
    }

    private static List<DiffFinding> Findings(List<DiffChange> changes, Dictionary<string, Flat> oldFlat, Dictionary<string, Flat> newFlat)
    {
        var findings = new List<DiffFinding>();
        void Add(ChangeLevel level, string code, DiffChange c, string message) =>
            findings.Add(new DiffFinding(level, code, c.Path, message, c.NewLocation ?? c.OldLocation));

        foreach (var c in changes)
        {
            var flat = c.Kind == ChangeKind.Removed ? oldFlat[c.Path] : newFlat[c.Path];
            var key = c.Path[(c.Path.LastIndexOf('.') + 1)..];
            var parentPath = c.Path.Contains('.') ? c.Path[..c.Path.LastIndexOf('.')] : "";
            var inProperty = IsProperty(parentPath, oldFlat, newFlat);
            var inOptions = parentPath.EndsWith(".logicalTypeOptions", StringComparison.Ordinal) && IsProperty(parentPath[..parentPath.LastIndexOf('.')], oldFlat, newFlat);

            // Inside an added or removed element, the element's own finding covers it.
            if (c.Kind != ChangeKind.Updated && ParentElementChanged(c, oldFlat, newFlat)) continue;

            switch (flat.ElementKind)
            {
                case "schema" when c.Kind == ChangeKind.Removed:
                    Add(ChangeLevel.Error, "DQ1101", c, "schema object removed");
                    continue;
                case "property" when c.Kind == ChangeKind.Removed:
                    Add(ChangeLevel.Error, "DQ1102", c, "property removed");
                    continue;
                case "quality" when c.Kind == ChangeKind.Removed:
                    Add(ChangeLevel.Warning, "DQ1113", c, "quality rule removed");
                    continue;
                case "schema" or "property" or "server" or "sla" or "quality" or "entry":
                    Add(ChangeLevel.Info, "DQ1120", c, $"{flat.ElementKind} {(c.Kind == ChangeKind.Added ? "added" : "removed")}");
                    continue;
            }

            if (inProperty && key == "required")
            {
                var was = c.OldValue is JsonValue o && o.GetValueKind() == JsonValueKind.True;
                var now = c.NewValue is JsonValue n && n.GetValueKind() == JsonValueKind.True;
                if (!was && now) Add(ChangeLevel.Error, "DQ1103", c, "required tightened (false → true)");
                else Add(ChangeLevel.Info, "DQ1120", c, "required relaxed");
            }
            else if (inProperty && key == "unique")
            {
                var was = c.OldValue is JsonValue o && o.GetValueKind() == JsonValueKind.True;
                var now = c.NewValue is JsonValue n && n.GetValueKind() == JsonValueKind.True;
                if (!was && now) Add(ChangeLevel.Error, "DQ1105", c, "unique tightened (false → true)");
                else Add(ChangeLevel.Info, "DQ1120", c, "unique relaxed");
            }
            else if (inProperty && key is "logicalType" or "physicalType")
            {
                if (c.Kind == ChangeKind.Updated) Add(ChangeLevel.Error, "DQ1104", c, $"{key} changed from {c.OldValue?.ToJsonString()} to {c.NewValue?.ToJsonString()}");
                else Add(ChangeLevel.Warning, "DQ1111", c, $"{key} {(c.Kind == ChangeKind.Added ? "added" : "removed")}");
            }
            else if ((inProperty || inOptions) && key == "enum")
            {
                var removed = Values(c.OldValue).Except(Values(c.NewValue)).ToList();
                if (c.Kind == ChangeKind.Added) Add(ChangeLevel.Warning, "DQ1112", c, "enum constraint added");
                else if (c.Kind == ChangeKind.Removed) Add(ChangeLevel.Info, "DQ1120", c, "enum constraint removed");
                else if (removed.Count > 0) Add(ChangeLevel.Error, "DQ1106", c, $"enum values removed: {string.Join(", ", removed)}");
                else Add(ChangeLevel.Info, "DQ1120", c, "enum values added");
            }
            else if (inProperty && key is "primaryKey" or "primaryKeyPosition")
                Add(ChangeLevel.Warning, "DQ1110", c, $"{key} changed");
            else if (inOptions && Constraints.Contains(key))
            {
                if (Relaxed(key, c)) Add(ChangeLevel.Info, "DQ1120", c, $"{key} relaxed");
                else Add(ChangeLevel.Warning, "DQ1112", c, c.Kind == ChangeKind.Added ? $"{key} constraint added" : $"{key} changed; it may reject data that was valid");
            }
            else
                Add(ChangeLevel.Info, "DQ1120", c, c.Kind switch
                {
                    ChangeKind.Added => "added",
                    ChangeKind.Removed => "removed",
                    _ => $"changed from {c.OldValue?.ToJsonString()} to {c.NewValue?.ToJsonString()}",
                });
        }
        return findings.OrderByDescending(f => f.Level).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private static bool IsProperty(string path, Dictionary<string, Flat> oldFlat, Dictionary<string, Flat> newFlat) =>
        (oldFlat.GetValueOrDefault(path) ?? newFlat.GetValueOrDefault(path))?.ElementKind == "property";

    private static bool ParentElementChanged(DiffChange c, Dictionary<string, Flat> oldFlat, Dictionary<string, Flat> newFlat)
    {
        var parts = c.Path.Split('.');
        for (var n = parts.Length - 1; n > 0; n--)
        {
            var prefix = string.Join('.', parts.Take(n));
            var side = c.Kind == ChangeKind.Added ? newFlat : oldFlat;
            var other = c.Kind == ChangeKind.Added ? oldFlat : newFlat;
            if (side.TryGetValue(prefix, out var f) && f.ElementKind is not null && !other.ContainsKey(prefix)) return true;
        }
        return false;
    }

    private static IEnumerable<string> Values(JsonNode? node) => node is JsonArray a ? a.Select(v => v?.ToJsonString() ?? "null") : [];

    /// <summary>True only when the change provably accepts everything the old constraint accepted.</summary>
    private static bool Relaxed(string key, DiffChange c)
    {
        if (c.Kind == ChangeKind.Removed) return true;
        if (c.Kind == ChangeKind.Added) return false;
        var o = Reading.ContractParser.NumberOf(c.OldValue);
        var n = Reading.ContractParser.NumberOf(c.NewValue);
        if (o is null || n is null) return false;
        return key switch
        {
            "minLength" or "minimum" or "exclusiveMinimum" or "minItems" => n < o,
            "maxLength" or "maximum" or "exclusiveMaximum" or "maxItems" => n > o,
            _ => false,
        };
    }
}
