using System.Globalization;
using System.Text;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Comparison;

/// <summary>
/// Row-level comparison in DuckDB. Keyed: one hash per row over the compared columns, one
/// aggregate over both sides grouped by key (which also finds null and duplicate keys) that
/// keeps only keys that are null, duplicated, one-sided or hash-differing, then column detail
/// for just the hash-differing keys. Keyless: rows are matched as a multiset of row hashes.
/// </summary>
internal sealed class RowDiffer
{
    private readonly DuckDbSession _session;
    private readonly ComparisonOptions _options;
    private readonly string _name;
    private readonly IReadOnlyList<string> _keys;
    private readonly List<Compared> _compared;
    private readonly Dictionary<string, SchemaColumn> _columns;

    /// <param name="TypeChanged">Base and head types differ: both sides are read in a common type, and samples show each side's own text.</param>
    private sealed record Compared(string Name, string BaseExpr, string HeadExpr, bool Numeric, double? Abs, double? Rel, bool TypeChanged);

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
                return new Compared(c.Name, Expr(c, isBase: true), Expr(c, isBase: false), numeric, numeric ? abs : null, numeric ? rel : null,
                    !string.Equals(c.BaseType, c.HeadType, StringComparison.Ordinal));
            })
            .ToList();
    }

    /// <summary>
    /// A column as compared: as stored when both sides have the same type; otherwise both sides
    /// read in <see cref="ColumnTypes.CommonType"/>, which holds every value of either side, so the
    /// cast cannot fail or round two different values together (a plain CAST: an error is better
    /// than a NULL that would match the other side's NULL).
    /// </summary>
    private static string Expr(SchemaColumn c, bool isBase) =>
        string.Equals(c.BaseType, c.HeadType, StringComparison.Ordinal)
            ? SqlText.Identifier(c.Name)
            : $"CAST({SqlText.Identifier(c.Name)} AS {ColumnTypes.CommonType(c.BaseType!, c.HeadType!)})";

    private string Hash(bool isBase) => _compared.Count == 0
        ? "0::UBIGINT"
        : "hash(" + string.Join(", ", _compared.Select(c => isBase ? c.BaseExpr : c.HeadExpr)) + ")";

    private string KeyExpr(int i, bool isBase) => Expr(_columns[_keys[i]], isBase);

    private string KeyList(string prefix = "") => string.Join(", ", _keys.Select((_, i) => $"{prefix}dq_k{i}"));

    private string KeyJoin(string a, string b) => string.Join(" AND ", _keys.Select((_, i) => $"{a}.dq_k{i} = {b}.dq_k{i}"));

    private string AnyKeyNull(string prefix = "") => string.Join(" OR ", _keys.Select((_, i) => $"{prefix}dq_k{i} IS NULL"));

    /// <param name="baseRowsRead">Rows in the base files being compared (from the footers), so identical keys need not be counted.</param>
    public KeyedComparison Compare(string baseRelation, string headRelation, long baseRowsRead, long headRowsRead, long identicalSkipped)
    {
        try
        {
            return _keys.Count == 0 ? Keyless(baseRelation, headRelation, identicalSkipped) : Keyed(baseRelation, headRelation, baseRowsRead, headRowsRead, identicalSkipped);
        }
        finally
        {
            foreach (var t in new[] { "dq_d", "dq_c", "dq_cb", "dq_ch", "dq_cj" })
                _session.Execute($"DROP TABLE IF EXISTS {t}");
        }
    }

    private KeyedComparison Keyless(string baseRelation, string headRelation, long identicalSkipped)
    {
        var r = DuckDbRows.Single(_session, $"""
            SELECT coalesce(sum(greatest(dq_hn - dq_bn, 0)), 0)::BIGINT, coalesce(sum(greatest(dq_bn - dq_hn, 0)), 0)::BIGINT,
                   coalesce(sum(least(dq_bn, dq_hn)), 0)::BIGINT, coalesce(sum(dq_bn), 0)::BIGINT, coalesce(sum(dq_hn), 0)::BIGINT
            FROM (
                SELECT dq_h, {AggregateSql.Count("*", "dq_side")} AS dq_bn, {AggregateSql.Count("*", "NOT dq_side")} AS dq_hn
                FROM (SELECT {Hash(true)} AS dq_h, true AS dq_side FROM {baseRelation}
                      UNION ALL SELECT {Hash(false)} AS dq_h, false AS dq_side FROM {headRelation})
                GROUP BY dq_h
            )
            """);
        var added = DuckDbRows.Long(r[0]);
        var removed = DuckDbRows.Long(r[1]);
        var identical = DuckDbRows.Long(r[2]) + identicalSkipped;
        return new KeyedComparison([], new KeyHealth(DuckDbRows.Long(r[3]) + identicalSkipped, 0, 0, 0), new KeyHealth(DuckDbRows.Long(r[4]) + identicalSkipped, 0, 0, 0),
            0, added, removed, 0, identical, 0, identicalSkipped, [], new RowSamples([], [], [], []));
    }

    /// <summary>
    /// One hash aggregate over both sides (UNION ALL, grouped by key) instead of two aggregates
    /// and a join: per key it counts rows and keeps the row hash on each side, and only keys that
    /// are null, duplicated, one-sided or hash-differing are materialised.
    /// </summary>
    private KeyedComparison Keyed(string baseRelation, string headRelation, long baseRowsRead, long headRowsRead, long identicalSkipped)
    {
        string Side(bool isBase, string relation) =>
            $"SELECT {string.Join(", ", _keys.Select((_, i) => $"{KeyExpr(i, isBase)} AS dq_k{i}"))}, {Hash(isBase)} AS dq_h, {(isBase ? "true" : "false")} AS dq_side FROM {relation}";
        _session.Execute($"""
            CREATE OR REPLACE TEMP TABLE dq_d AS
            SELECT {KeyList()},
                   CASE WHEN {AnyKeyNull()} THEN 'N' WHEN dq_bn > 1 OR dq_hn > 1 THEN 'D'
                        WHEN dq_hn = 0 THEN 'R' WHEN dq_bn = 0 THEN 'A' ELSE 'C' END AS dq_s,
                   dq_bn, dq_hn
            FROM (
                SELECT {KeyList()},
                       {AggregateSql.Count("*", "dq_side")} AS dq_bn, {AggregateSql.Count("*", "NOT dq_side")} AS dq_hn,
                       min(dq_h) FILTER (WHERE dq_side) AS dq_bh, min(dq_h) FILTER (WHERE NOT dq_side) AS dq_hh
                FROM ({Side(true, baseRelation)} UNION ALL {Side(false, headRelation)})
                GROUP BY {KeyList()}
            )
            WHERE {AnyKeyNull()} OR dq_bn <> 1 OR dq_hn <> 1 OR dq_bh <> dq_hh
            """);
        // A fixed handful of aggregates: the sums keep their FILTER, the counts are AggregateSql.Count like all of RowDiffer's.
        var r = DuckDbRows.Single(_session, $"""
            SELECT {AggregateSql.Count("*", "dq_s = 'A'")}, {AggregateSql.Count("*", "dq_s = 'R'")},
                   {AggregateSql.Count("*", "dq_s = 'C'")}, {AggregateSql.Count("*", "dq_s = 'D'")},
                   coalesce(sum(dq_bn), 0)::BIGINT,
                   coalesce(sum(dq_bn) FILTER (WHERE dq_s = 'N'), 0)::BIGINT, coalesce(sum(dq_hn) FILTER (WHERE dq_s = 'N'), 0)::BIGINT,
                   {AggregateSql.Count("*", "dq_s = 'D' AND dq_bn > 1")}, coalesce(sum(dq_bn) FILTER (WHERE dq_s = 'D' AND dq_bn > 1), 0)::BIGINT,
                   {AggregateSql.Count("*", "dq_s = 'D' AND dq_hn > 1")}, coalesce(sum(dq_hn) FILTER (WHERE dq_s = 'D' AND dq_hn > 1), 0)::BIGINT
            FROM dq_d
            """);
        var v = r.Select(DuckDbRows.Long).ToArray();
        long added = v[0], removed = v[1], candidates = v[2], duplicates = v[3];
        // A key missing from dq_d has exactly one row on each side with equal hashes, so the
        // base rows not accounted for by dq_d are the identical keys.
        var identicalByHash = baseRowsRead - v[4];
        var baseHealth = new KeyHealth(baseRowsRead + identicalSkipped, v[5], v[7], v[8]);
        var headHealth = new KeyHealth(headRowsRead + identicalSkipped, v[6], v[9], v[10]);

        var (columns, changed, changedSamples) = candidates > 0 ? ColumnDetail(baseRelation, headRelation) : (EmptyColumns(), 0L, new List<ChangedRowSample>());
        var withinTolerance = candidates - changed;
        return new KeyedComparison(_keys, baseHealth, headHealth, duplicates, added, removed, changed,
            identicalByHash + withinTolerance + identicalSkipped, withinTolerance, identicalSkipped, columns,
            new RowSamples(KeySamples('A'), KeySamples('R'), changedSamples, DuplicateSamples()));
    }

    private List<ColumnValueComparison> EmptyColumns() =>
        _compared.Select(c => new ColumnValueComparison(c.Name, 0, 0, 0, c.Numeric ? 0 : null, c.Abs, c.Rel, 0)).OrderBy(c => c.Column, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Unequal beyond tolerance, as numpy.isclose: <c>|head - base| &lt;= abs + rel * |base|</c> for
    /// finite values only. A NaN or an infinity is within tolerance of nothing but itself (and
    /// "itself" is already not DISTINCT: DuckDB treats NaN as equal to NaN), whatever the
    /// tolerance; without the isfinite guard <c>0 * abs(NaN)</c> is NaN, DuckDB orders NaN above
    /// every number, and <c>NaN &lt;= NaN</c> would pass any pair with a non-finite base.
    /// </summary>
    private string Unequal(Compared c, int i)
    {
        var distinct = $"b.dq_c{i} IS DISTINCT FROM h.dq_c{i}";
        if (c.Abs is null && c.Rel is null) return distinct;
        var abs = SqlText.Literal(c.Abs ?? 0);
        var rel = SqlText.Literal(c.Rel ?? 0);
        string B() => $"b.dq_c{i}::DOUBLE";
        string H() => $"h.dq_c{i}::DOUBLE";
        return $"({distinct} AND ((b.dq_c{i} IS NULL) <> (h.dq_c{i} IS NULL) OR NOT (isfinite({B()}) AND isfinite({H()}) AND abs({H()} - {B()}) <= {abs} + {rel} * abs({B()}))))";
    }

    private (List<ColumnValueComparison>, long, List<ChangedRowSample>) ColumnDetail(string baseRelation, string headRelation)
    {
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_c AS SELECT {KeyList()} FROM dq_d WHERE dq_s = 'C'");
        string Rows(bool isBase, string relation) =>
            $"""
            SELECT r.* FROM (SELECT {string.Join(", ", _keys.Select((_, i) => $"{KeyExpr(i, isBase)} AS dq_k{i}")
                .Concat(_compared.Select((c, i) => $"{(isBase ? c.BaseExpr : c.HeadExpr)} AS dq_c{i}"))
                .Concat(_compared.Select((c, i) => c.TypeChanged ? $"{SqlText.Identifier(c.Name)}::VARCHAR AS dq_o{i}" : null).OfType<string>()))} FROM {relation}) r
            SEMI JOIN dq_c c ON {KeyJoin("r", "c")}
            """;
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_cb AS {Rows(true, baseRelation)}");
        _session.Execute($"CREATE OR REPLACE TEMP TABLE dq_ch AS {Rows(false, headRelation)}");
        var flags = _compared.Select((c, i) => $"{Unequal(c, i)} AS dq_u{i}, (b.dq_c{i} IS DISTINCT FROM h.dq_c{i}) AS dq_x{i}");
        var values = _compared.Select((c, i) => $"b.dq_c{i} AS dq_b{i}, h.dq_c{i} AS dq_h{i}" + (c.TypeChanged ? $", b.dq_o{i} AS dq_ob{i}, h.dq_o{i} AS dq_oh{i}" : ""));
        _session.Execute($"""
            CREATE OR REPLACE TEMP TABLE dq_cj AS
            SELECT {KeyList("b.")}, {string.Join(", ", flags.Concat(values))}
            FROM dq_cb b JOIN dq_ch h ON {KeyJoin("b", "h")}
            """);

        var anyUnequal = _compared.Count == 0 ? "false" : string.Join(" OR ", _compared.Select((_, i) => $"dq_u{i}"));
        // Per column: unequal, null only in base, null only in head, within tolerance, and for a numeric column
        // the largest difference. A wide table has thousands of these, so none has a FILTER clause: DuckDB 1.5
        // gives each filtered aggregate its own copy of the chunk, quadratic in the number of columns (500
        // columns took 12.8 s and 2.8 GB, 2,000 were stopped past 9 GB; see AggregateSql and docs/benchmarks.md,
        // "dq compare with wide tables"). Counts are AggregateSql.Count; the largest difference is
        // MaxWhereDistinct. An outer SELECT takes the struct apart.
        var aggregates = new StringBuilder($"{AggregateSql.Count("*", anyUnequal)} AS dq_n");
        var outer = new StringBuilder("dq_n");
        for (var i = 0; i < _compared.Count; i++)
        {
            aggregates.Append(CultureInfo.InvariantCulture, $", {AggregateSql.Count("*", $"dq_u{i}")} AS dq_au{i}");
            aggregates.Append(CultureInfo.InvariantCulture, $", {AggregateSql.Count("*", $"dq_b{i} IS NULL AND dq_h{i} IS NOT NULL")} AS dq_anb{i}");
            aggregates.Append(CultureInfo.InvariantCulture, $", {AggregateSql.Count("*", $"dq_b{i} IS NOT NULL AND dq_h{i} IS NULL")} AS dq_anh{i}");
            aggregates.Append(CultureInfo.InvariantCulture, $", {AggregateSql.Count("*", $"dq_x{i} AND NOT dq_u{i}")} AS dq_at{i}");
            outer.Append(CultureInfo.InvariantCulture, $", dq_au{i}, dq_anb{i}, dq_anh{i}, dq_at{i}");
            if (_compared[i].Numeric)
            {
                aggregates.Append(CultureInfo.InvariantCulture, $", {MaxWhereDistinct($"abs(dq_h{i}::DOUBLE - dq_b{i}::DOUBLE)", $"dq_x{i}")} AS dq_am{i}");
                outer.Append(CultureInfo.InvariantCulture, $", dq_am{i}.dq_in, dq_am{i}.dq_v");
            }
            else
                outer.Append(", NULL::BOOLEAN, NULL::DOUBLE");
        }
        var r = DuckDbRows.Single(_session, $"SELECT {outer} FROM (SELECT {aggregates} FROM dq_cj)");
        var changed = DuckDbRows.Long(r[0]);
        var columns = _compared.Select((c, i) => new ColumnValueComparison(c.Name,
                DuckDbRows.Long(r[1 + 6 * i]), DuckDbRows.Long(r[2 + 6 * i]), DuckDbRows.Long(r[3 + 6 * i]),
                c.Numeric ? MaxWhereDistinctValue(r[5 + 6 * i], r[6 + 6 * i]) : null, c.Abs, c.Rel, DuckDbRows.Long(r[4 + 6 * i])))
            .OrderByDescending(c => c.Unequal).ThenBy(c => c.Column, StringComparer.Ordinal)
            .ToList();

        var samples = new List<ChangedRowSample>();
        if (changed > 0 && _options.SampleSize > 0)
        {
            // A type-changed column shows each side's own text (base 1.1, head 1), not the common type's.
            var select = string.Join(", ", KeyText().Concat(_compared.Select((c, i) => c.TypeChanged
                ? $"dq_u{i}, dq_ob{i}, dq_oh{i}"
                : $"dq_u{i}, dq_b{i}::VARCHAR, dq_h{i}::VARCHAR")));
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

    /// <summary>
    /// <c>coalesce(max(difference) FILTER (WHERE condition), 0)</c> without FILTER (see ColumnDetail) and without
    /// CASE (DuckDB's planner is worse than quadratic in CASE expressions, AggregateSql): the max of a struct orders
    /// by <c>dq_in</c> first, so if any row meets the condition the max is one of those rows, the one with the
    /// largest difference (NaN above every number, as max of a DOUBLE). A NULL difference (one side NULL) becomes
    /// -1, below every difference, which max FILTER would skip. <paramref name="condition"/> must not be NULL
    /// (it is an IS DISTINCT FROM). <see cref="MaxWhereDistinctValue"/> reads the two fields.
    /// </summary>
    private static string MaxWhereDistinct(string difference, string condition) =>
        $"max({{'dq_in': {condition}, 'dq_v': coalesce({difference}, -1)}})";

    /// <summary>0 when no row met the condition (max is NULL or its dq_in false) or all its differences were NULL (-1); the max otherwise.</summary>
    private static double MaxWhereDistinctValue(object? met, object? value) =>
        met is true && DuckDbRows.Double(value) is { } v && !(v < 0) ? v : 0;

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
