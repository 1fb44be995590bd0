using System.Globalization;
using System.Text;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Row-level comparison in DuckDB. Keyed: one hash per row over the compared columns, grouped
/// by key on each side (which also finds duplicate keys), a full outer join on the key that
/// keeps only keys that are added, removed, duplicated or whose hashes differ, and column
/// detail for just the hash-differing keys. Keyless: rows are matched as a multiset of hashes.
/// </summary>
internal sealed class RowDiffer
{
    private readonly DuckDbSession _session;
    private readonly ComparisonOptions _options;
    private readonly string _name;
    private readonly IReadOnlyList<string> _keys;
    private readonly List<Compared> _compared;
    private readonly Dictionary<string, SchemaColumn> _columns;

    private sealed record Compared(string Name, string BaseExpr, string HeadExpr, bool Numeric, double? Abs, double? Rel);

    public RowDiffer(DuckDbSession session, ComparisonOptions options, string name, string entity, IReadOnlyList<SchemaColumn> columns, IReadOnlyList<string> keys)
    {
        _session = session;
        _options = options;
        _name = name;
        _keys = keys;
        _columns = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _compared = columns
            .Where(c => c.BaseType is not null && c.HeadType is not null && !c.Excluded && !keys.Contains(c.Name))
            .Select(c =>
            {
                var abs = ComparisonOptions.Lookup(options.AbsoluteTolerance, name, entity, c.Name);
                var rel = ComparisonOptions.Lookup(options.RelativeTolerance, name, entity, c.Name);
                var numeric = ColumnTypes.IsNumeric(c.HeadType!) && ColumnTypes.IsNumeric(c.BaseType!);
                var named = options.AbsoluteTolerance.Keys.Concat(options.RelativeTolerance.Keys)
                    .Any(k => k == c.Name || k == $"{name}.{c.Name}" || k == $"{entity}.{c.Name}");
                if (!numeric && named)
                    throw new InputException("DQ6011", $"A tolerance is set for column '{c.Name}' of '{name}', but its type is {c.HeadType}; tolerances apply to numeric columns only.");
                return new Compared(c.Name, BaseExpr(c), SqlText.Identifier(c.Name), numeric, numeric ? abs : null, numeric ? rel : null);
            })
            .ToList();
    }

    /// <summary>A base column read as the head's type when the type changed, so hashes and values compare.</summary>
    private static string BaseExpr(SchemaColumn c) =>
        string.Equals(c.BaseType, c.HeadType, StringComparison.Ordinal)
            ? SqlText.Identifier(c.Name)
            : $"TRY_CAST({SqlText.Identifier(c.Name)} AS {c.HeadType})";

    private string Hash(bool isBase) => _compared.Count == 0
        ? "0::UBIGINT"
        : "hash(" + string.Join(", ", _compared.Select(c => isBase ? c.BaseExpr : c.HeadExpr)) + ")";

    private string KeyExpr(int i, bool isBase) => isBase ? BaseExpr(_columns[_keys[i]]) : SqlText.Identifier(_keys[i]);

    private string KeyList(string prefix = "") => string.Join(", ", _keys.Select((_, i) => $"{prefix}dq_k{i}"));

    private string KeyJoin(string a, string b) => string.Join(" AND ", _keys.Select((_, i) => $"{a}.dq_k{i} = {b}.dq_k{i}"));

    private string AnyKeyNull(string prefix = "") => string.Join(" OR ", _keys.Select((_, i) => $"{prefix}dq_k{i} IS NULL"));

    public KeyedComparison Compare(string baseRelation, string headRelation, long identicalSkipped)
    {
        try
        {
            return _keys.Count == 0 ? Keyless(baseRelation, headRelation, identicalSkipped) : Keyed(baseRelation, headRelation, identicalSkipped);
        }
        finally
        {
            foreach (var t in new[] { "dq_kb", "dq_kh", "dq_d", "dq_c", "dq_cb", "dq_ch", "dq_cj" })
                _session.Execute($"DROP TABLE IF EXISTS {t}");
        }
    }

    private KeyedComparison Keyless(string baseRelation, string headRelation, long identicalSkipped)
    {
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_kb AS SELECT {Hash(true)} AS dq_h, count(*)::BIGINT AS dq_n FROM {baseRelation} GROUP BY ALL");
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_kh AS SELECT {Hash(false)} AS dq_h, count(*)::BIGINT AS dq_n FROM {headRelation} GROUP BY ALL");
        var r = DuckDbRows.Single(_session, """
            SELECT coalesce(sum(greatest(coalesce(h.dq_n, 0) - coalesce(b.dq_n, 0), 0)), 0)::BIGINT,
                   coalesce(sum(greatest(coalesce(b.dq_n, 0) - coalesce(h.dq_n, 0), 0)), 0)::BIGINT,
                   coalesce(sum(least(coalesce(b.dq_n, 0), coalesce(h.dq_n, 0))), 0)::BIGINT,
                   coalesce(sum(b.dq_n), 0)::BIGINT, coalesce(sum(h.dq_n), 0)::BIGINT
            FROM dq_kb b FULL OUTER JOIN dq_kh h ON b.dq_h = h.dq_h
            """);
        var added = DuckDbRows.Long(r[0]);
        var removed = DuckDbRows.Long(r[1]);
        var identical = DuckDbRows.Long(r[2]) + identicalSkipped;
        return new KeyedComparison([], new KeyHealth(DuckDbRows.Long(r[3]) + identicalSkipped, 0, 0, 0), new KeyHealth(DuckDbRows.Long(r[4]) + identicalSkipped, 0, 0, 0),
            0, added, removed, 0, identical, 0, identicalSkipped, [], new RowSamples([], [], [], []));
    }

    private KeyedComparison Keyed(string baseRelation, string headRelation, long identicalSkipped)
    {
        string Side(bool isBase, string relation) =>
            $"SELECT {string.Join(", ", _keys.Select((_, i) => $"{KeyExpr(i, isBase)} AS dq_k{i}"))}, count(*)::BIGINT AS dq_n, min({Hash(isBase)}) AS dq_h FROM {relation} GROUP BY ALL";
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_kb AS {Side(true, baseRelation)}");
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_kh AS {Side(false, headRelation)}");
        var (baseHealth, baseGroups) = Health("dq_kb", identicalSkipped);
        var (headHealth, headGroups) = Health("dq_kh", identicalSkipped);

        var coalesced = string.Join(", ", _keys.Select((_, i) => $"coalesce(b.dq_k{i}, h.dq_k{i}) AS dq_k{i}"));
        _session.Execute($"""
            CREATE OR REPLACE TEMP TABLE dq_d AS
            SELECT {coalesced},
                   CASE WHEN coalesce(b.dq_n, 0) > 1 OR coalesce(h.dq_n, 0) > 1 THEN 'D'
                        WHEN h.dq_n IS NULL THEN 'R' WHEN b.dq_n IS NULL THEN 'A' ELSE 'C' END AS dq_s,
                   coalesce(b.dq_n, 0) AS dq_bn, coalesce(h.dq_n, 0) AS dq_hn
            FROM (SELECT * FROM dq_kb WHERE NOT ({AnyKeyNull()})) b
            FULL OUTER JOIN (SELECT * FROM dq_kh WHERE NOT ({AnyKeyNull()})) h ON {KeyJoin("b", "h")}
            WHERE b.dq_n IS NULL OR h.dq_n IS NULL OR b.dq_n > 1 OR h.dq_n > 1 OR b.dq_h <> h.dq_h
            """);
        var counts = DuckDbRows.Single(_session, """
            SELECT count(*) FILTER (WHERE dq_s = 'A')::BIGINT, count(*) FILTER (WHERE dq_s = 'R')::BIGINT,
                   count(*) FILTER (WHERE dq_s = 'C')::BIGINT, count(*) FILTER (WHERE dq_s = 'D')::BIGINT,
                   count(*) FILTER (WHERE dq_hn = 0)::BIGINT, count(*)::BIGINT
            FROM dq_d
            """);
        long added = DuckDbRows.Long(counts[0]), removed = DuckDbRows.Long(counts[1]), candidates = DuckDbRows.Long(counts[2]);
        long duplicates = DuckDbRows.Long(counts[3]), baseOnly = DuckDbRows.Long(counts[4]), listed = DuckDbRows.Long(counts[5]);
        // Every non-null key of the union is either listed in dq_d or identical by hash.
        var union = baseGroups + headGroups - (baseGroups - baseOnly);
        var identicalByHash = union - listed;

        var (columns, changed, changedSamples) = candidates > 0 ? ColumnDetail(baseRelation, headRelation) : (EmptyColumns(), 0L, new List<ChangedRowSample>());
        var withinTolerance = candidates - changed;
        return new KeyedComparison(_keys, baseHealth, headHealth, duplicates, added, removed, changed,
            identicalByHash + withinTolerance + identicalSkipped, withinTolerance, identicalSkipped, columns,
            new RowSamples(KeySamples('A'), KeySamples('R'), changedSamples, DuplicateSamples()));
    }

    private (KeyHealth Health, long NonNullGroups) Health(string table, long identicalSkipped)
    {
        var r = DuckDbRows.Single(_session, $"""
            SELECT coalesce(sum(dq_n), 0)::BIGINT,
                   coalesce(sum(dq_n) FILTER (WHERE {AnyKeyNull()}), 0)::BIGINT,
                   count(*) FILTER (WHERE dq_n > 1 AND NOT ({AnyKeyNull()}))::BIGINT,
                   coalesce(sum(dq_n) FILTER (WHERE dq_n > 1 AND NOT ({AnyKeyNull()})), 0)::BIGINT,
                   count(*) FILTER (WHERE NOT ({AnyKeyNull()}))::BIGINT
            FROM {table}
            """);
        return (new KeyHealth(DuckDbRows.Long(r[0]) + identicalSkipped, DuckDbRows.Long(r[1]), DuckDbRows.Long(r[2]), DuckDbRows.Long(r[3])), DuckDbRows.Long(r[4]));
    }

    private List<ColumnValueComparison> EmptyColumns() =>
        _compared.Select(c => new ColumnValueComparison(c.Name, 0, 0, 0, c.Numeric ? 0 : null, c.Abs, c.Rel, 0)).OrderBy(c => c.Column, StringComparer.Ordinal).ToList();

    private string Unequal(Compared c, int i)
    {
        var distinct = $"b.dq_c{i} IS DISTINCT FROM h.dq_c{i}";
        if (c.Abs is null && c.Rel is null) return distinct;
        var abs = SqlText.Literal(c.Abs ?? 0);
        var rel = SqlText.Literal(c.Rel ?? 0);
        return $"({distinct} AND ((b.dq_c{i} IS NULL) <> (h.dq_c{i} IS NULL) OR NOT (abs(h.dq_c{i}::DOUBLE - b.dq_c{i}::DOUBLE) <= {abs} + {rel} * abs(b.dq_c{i}::DOUBLE))))";
    }

    private (List<ColumnValueComparison>, long, List<ChangedRowSample>) ColumnDetail(string baseRelation, string headRelation)
    {
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_c AS SELECT {KeyList()} FROM dq_d WHERE dq_s = 'C'");
        string Rows(bool isBase, string relation) =>
            $"""
            SELECT r.* FROM (SELECT {string.Join(", ", _keys.Select((_, i) => $"{KeyExpr(i, isBase)} AS dq_k{i}")
                .Concat(_compared.Select((c, i) => $"{(isBase ? c.BaseExpr : c.HeadExpr)} AS dq_c{i}")))} FROM {relation}) r
            SEMI JOIN dq_c c ON {KeyJoin("r", "c")}
            """;
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_cb AS {Rows(true, baseRelation)}");
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_ch AS {Rows(false, headRelation)}");
        var flags = _compared.Select((c, i) => $"{Unequal(c, i)} AS dq_u{i}, (b.dq_c{i} IS DISTINCT FROM h.dq_c{i}) AS dq_x{i}");
        var values = _compared.Select((_, i) => $"b.dq_c{i} AS dq_b{i}, h.dq_c{i} AS dq_h{i}");
        _session.Execute($"""
            CREATE OR REPLACE TEMP TABLE dq_cj AS
            SELECT {KeyList("b.")}, {string.Join(", ", flags.Concat(values))}
            FROM dq_cb b JOIN dq_ch h ON {KeyJoin("b", "h")}
            """);

        var anyUnequal = _compared.Count == 0 ? "false" : string.Join(" OR ", _compared.Select((_, i) => $"dq_u{i}"));
        var aggregates = new StringBuilder($"count(*) FILTER (WHERE {anyUnequal})::BIGINT");
        for (var i = 0; i < _compared.Count; i++)
        {
            aggregates.Append(CultureInfo.InvariantCulture, $", count(*) FILTER (WHERE dq_u{i})::BIGINT");
            aggregates.Append(CultureInfo.InvariantCulture, $", count(*) FILTER (WHERE dq_b{i} IS NULL AND dq_h{i} IS NOT NULL)::BIGINT");
            aggregates.Append(CultureInfo.InvariantCulture, $", count(*) FILTER (WHERE dq_b{i} IS NOT NULL AND dq_h{i} IS NULL)::BIGINT");
            aggregates.Append(_compared[i].Numeric
                ? $", coalesce(max(abs(dq_h{i}::DOUBLE - dq_b{i}::DOUBLE)) FILTER (WHERE dq_x{i}), 0)::DOUBLE"
                : ", NULL::DOUBLE");
            aggregates.Append(CultureInfo.InvariantCulture, $", count(*) FILTER (WHERE dq_x{i} AND NOT dq_u{i})::BIGINT");
        }
        var r = DuckDbRows.Single(_session, $"SELECT {aggregates} FROM dq_cj");
        var changed = DuckDbRows.Long(r[0]);
        var columns = _compared.Select((c, i) => new ColumnValueComparison(c.Name,
                DuckDbRows.Long(r[1 + 5 * i]), DuckDbRows.Long(r[2 + 5 * i]), DuckDbRows.Long(r[3 + 5 * i]),
                DuckDbRows.Double(r[4 + 5 * i]), c.Abs, c.Rel, DuckDbRows.Long(r[5 + 5 * i])))
            .OrderByDescending(c => c.Unequal).ThenBy(c => c.Column, StringComparer.Ordinal)
            .ToList();

        var samples = new List<ChangedRowSample>();
        if (changed > 0 && _options.SampleSize > 0)
        {
            var select = string.Join(", ", KeyText().Concat(_compared.Select((_, i) => $"dq_u{i}, dq_b{i}::VARCHAR, dq_h{i}::VARCHAR")));
            foreach (var row in DuckDbRows.Query(_session, $"SELECT {select} FROM dq_cj WHERE {anyUnequal} ORDER BY {KeyList()} LIMIT {_options.SampleSize}"))
            {
                var changes = new List<ValueChange>();
                for (var i = 0; i < _compared.Count; i++)
                    if (row[_keys.Count + 3 * i] is true)
                        changes.Add(new ValueChange(_compared[i].Name, (string?)row[_keys.Count + 3 * i + 1], (string?)row[_keys.Count + 3 * i + 2]));
                samples.Add(new ChangedRowSample(KeyString(row), changes.OrderBy(c => c.Column, StringComparer.Ordinal).ToList()));
            }
        }
        return (columns, changed, samples);
    }

    private IEnumerable<string> KeyText() => _keys.Select((_, i) => $"dq_k{i}::VARCHAR");

    private string KeyString(object?[] row) => _keys.Count == 1
        ? row[0] as string ?? "null"
        : string.Join(", ", _keys.Select((k, i) => $"{k}={row[i] as string ?? "null"}"));

    private List<string> KeySamples(char status) => _options.SampleSize <= 0 ? [] :
        DuckDbRows.Query(_session, $"SELECT {string.Join(", ", KeyText())} FROM dq_d WHERE dq_s = '{status}' ORDER BY {KeyList()} LIMIT {_options.SampleSize}")
            .Select(KeyString).ToList();

    private List<DuplicateKeySample> DuplicateSamples() => _options.SampleSize <= 0 ? [] :
        DuckDbRows.Query(_session, $"SELECT {string.Join(", ", KeyText())}, dq_bn, dq_hn FROM dq_d WHERE dq_s = 'D' ORDER BY {KeyList()} LIMIT {_options.SampleSize}")
            .Select(r => new DuplicateKeySample(KeyString(r), DuckDbRows.Long(r[_keys.Count]), DuckDbRows.Long(r[_keys.Count + 1]))).ToList();
}
