using System.Text;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Per-column profile on each side in one aggregate scan: count, nulls, approximate distinct
/// (HyperLogLog, order-independent so snapshots stay stable), min, max, mean. Exact top values
/// come from a second, GROUPING SETS scan, only for low-cardinality columns where they mean
/// something and stay cheap.
/// </summary>
internal sealed class ProfileDiffer
{
    private readonly DuckDbSession _session;
    private readonly ComparisonOptions _options;

    public ProfileDiffer(DuckDbSession session, ComparisonOptions options)
    {
        _session = session;
        _options = options;
    }

    /// <param name="baseDistinct">Distinct estimates already known (the profiler's), by column; DuckDB estimates the others.</param>
    public List<ColumnProfileComparison> Compare(IReadOnlyList<SchemaColumn> columns, string baseRelation, string headRelation,
        IReadOnlyDictionary<string, long>? baseDistinct = null, IReadOnlyDictionary<string, long>? headDistinct = null)
    {
        var profiled = columns.Where(c => !c.Excluded).ToList();
        var b = Profile(profiled.Where(c => c.BaseType is not null).Select(c => (c.Name, c.BaseType!)).ToList(), baseRelation, baseDistinct);
        var h = Profile(profiled.Where(c => c.HeadType is not null).Select(c => (c.Name, c.HeadType!)).ToList(), headRelation, headDistinct);

        var lowCardinality = profiled
            .Where(c => b.TryGetValue(c.Name, out var bp) && h.TryGetValue(c.Name, out var hp)
                && bp.DistinctApprox <= _options.TopValuesMaxDistinct && hp.DistinctApprox <= _options.TopValuesMaxDistinct
                && !ColumnTypes.IsNested(c.BaseType!) && !ColumnTypes.IsNested(c.HeadType!))
            .Select(c => c.Name).ToList();
        if (lowCardinality.Count > 0 && _options.TopValuesCount > 0)
        {
            var bt = TopValues(lowCardinality, baseRelation);
            var ht = TopValues(lowCardinality, headRelation);
            foreach (var name in lowCardinality)
            {
                // The grouping scan counts every value, so these columns get an exact distinct count
                // (HyperLogLog can be off by a quarter at small cardinalities).
                b[name] = b[name] with { TopValues = bt[name].Top, DistinctApprox = bt[name].Distinct };
                h[name] = h[name] with { TopValues = ht[name].Top, DistinctApprox = ht[name].Distinct };
            }
        }
        return profiled.Select(c => new ColumnProfileComparison(c.Name, b.GetValueOrDefault(c.Name), h.GetValueOrDefault(c.Name))).ToList();
    }

    private Dictionary<string, ColumnProfile> Profile(List<(string Name, string Type)> columns, string relation, IReadOnlyDictionary<string, long>? knownDistinct)
    {
        var result = new Dictionary<string, ColumnProfile>(StringComparer.Ordinal);
        if (columns.Count == 0) return result;
        var sql = new StringBuilder("SELECT count(*)::BIGINT");
        foreach (var (name, type) in columns)
        {
            var id = SqlText.Identifier(name);
            var nested = ColumnTypes.IsNested(type);
            sql.Append($", count({id})::BIGINT");
            sql.Append(nested || knownDistinct?.ContainsKey(name) == true ? ", NULL::BIGINT" : $", approx_count_distinct({id})::BIGINT");
            sql.Append(nested ? ", NULL::VARCHAR, NULL::VARCHAR" : $", min({id})::VARCHAR, max({id})::VARCHAR");
            sql.Append(ColumnTypes.IsNumeric(type) || type == "BOOLEAN" ? $", avg({id}::DOUBLE)::DOUBLE" : ", NULL::DOUBLE");
        }
        var r = DuckDbRows.Single(_session, $"{sql} FROM {relation}");
        var rows = DuckDbRows.Long(r[0]);
        for (var i = 0; i < columns.Count; i++)
        {
            var count = DuckDbRows.Long(r[1 + 5 * i]);
            var distinct = knownDistinct is not null && knownDistinct.TryGetValue(columns[i].Name, out var known) ? known : DuckDbRows.Long(r[2 + 5 * i]);
            result[columns[i].Name] = new ColumnProfile(count, rows - count, distinct,
                (string?)r[3 + 5 * i], (string?)r[4 + 5 * i], DuckDbRows.Double(r[5 + 5 * i]), null);
        }
        return result;
    }

    private Dictionary<string, (IReadOnlyList<TopValue> Top, long Distinct)> TopValues(List<string> columns, string relation)
    {
        var aliases = columns.Select((c, i) => $"{SqlText.Identifier(c)}::VARCHAR AS dq_v{i}");
        var groupings = columns.Select((_, i) => $"GROUPING(dq_v{i})::INTEGER");
        var sets = columns.Select((_, i) => $"(dq_v{i})");
        var values = columns.Select((_, i) => $"dq_v{i}");
        var rows = DuckDbRows.Query(_session, $"""
            SELECT {string.Join(", ", groupings)}, {string.Join(", ", values)}, count(*)::BIGINT
            FROM (SELECT {string.Join(", ", aliases)} FROM {relation})
            GROUP BY GROUPING SETS ({string.Join(", ", sets)})
            """);
        var result = new Dictionary<string, (IReadOnlyList<TopValue>, long)>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var n = columns.Count;
            var index = i;
            var counted = rows
                .Where(r => Convert.ToInt32(r[index], System.Globalization.CultureInfo.InvariantCulture) == 0)
                .Select(r => new TopValue((string?)r[n + index], DuckDbRows.Long(r[2 * n])))
                .ToList();
            var top = counted
                .OrderByDescending(t => t.Count).ThenBy(t => t.Value is null ? 0 : 1).ThenBy(t => t.Value, StringComparer.Ordinal)
                .Take(_options.TopValuesCount)
                .ToList();
            result[columns[i]] = (top, counted.Count(v => v.Value is not null));
        }
        return result;
    }
}
