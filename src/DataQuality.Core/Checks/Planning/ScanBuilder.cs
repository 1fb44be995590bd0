using System.Globalization;
using System.Text;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Checks.Planning;

/// <summary>
/// Collects every metric of one dataset into a single query: derived per-row columns (window
/// functions: duplicates, ordering, z-scores) go into one projection over the source, and all
/// aggregates into one SELECT over it, so the data is scanned once however many checks there are.
/// Identical expressions are shared between checks.
/// </summary>
public sealed class ScanBuilder
{
    public const string SourceAlias = "__dq_src";
    public const string RowNumberColumn = "__dq_row";

    private readonly DataSource _source;
    private readonly List<string> _derived = [];
    private readonly Dictionary<string, int> _derivedIndex = new(StringComparer.Ordinal);
    private readonly List<string> _aggregates = [];
    private readonly Dictionary<string, int> _aggregateIndex = new(StringComparer.Ordinal);
    private bool _needsRowNumber;

    public ScanBuilder(DataSource source) => _source = source;

    public int AggregateCount => _aggregates.Count;

    /// <summary>Registers a per-row expression (may use window functions) and returns the column name to refer to it by.</summary>
    public string Derived(string expression)
    {
        if (!_derivedIndex.TryGetValue(expression, out var index))
        {
            index = _derived.Count;
            _derived.Add(expression);
            _derivedIndex[expression] = index;
        }
        return DerivedName(index);
    }

    /// <summary>A column holding the row's position in source order, 1-based.</summary>
    public string RowNumber()
    {
        _needsRowNumber = true;
        return RowNumberColumn;
    }

    /// <summary>Registers an aggregate expression over the (derived) source and returns its handle.</summary>
    public MetricHandle Aggregate(string expression)
    {
        if (!_aggregateIndex.TryGetValue(expression, out var index))
        {
            index = _aggregates.Count;
            _aggregates.Add(expression);
            _aggregateIndex[expression] = index;
        }
        return new MetricHandle(index, expression);
    }

    /// <summary>
    /// The source as a CTE-able SELECT: the original columns, the row number when asked for, and
    /// the derived columns. Sample queries reuse it so they see exactly what the scan saw.
    /// </summary>
    public string SourceSql() => SourceSql(Enumerable.Range(0, _derived.Count).ToHashSet(), _needsRowNumber);

    private string SourceSql(IReadOnlySet<int> derived, bool rowNumber)
    {
        if (derived.Count == 0 && !rowNumber) return $"SELECT * FROM {_source.RelationSql}";
        var sb = new StringBuilder();
        // Row numbers are assigned in an inner query so window functions over them see source order.
        var inner = rowNumber
            ? $"(SELECT *, row_number() OVER ({(_source.OrderBy is null ? "" : "ORDER BY " + _source.OrderBy)}) AS {RowNumberColumn} FROM {_source.RelationSql})"
            : _source.RelationSql;
        sb.Append("SELECT *");
        foreach (var i in derived.Order())
            sb.Append(", ").Append(_derived[i]).Append(" AS ").Append(DerivedName(i));
        sb.Append(" FROM ").Append(inner);
        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="query"/> over the source, with only the derived columns (and row number) it
    /// refers to: a sample query for one check must not recompute every other check's window
    /// functions (each is a sort or a partition of the whole dataset).
    /// </summary>
    public string WithSource(string query)
    {
        var derived = DerivedReference.Matches(query).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(i => i < _derived.Count).ToHashSet();
        var rowNumber = _needsRowNumber && (query.Contains(RowNumberColumn, StringComparison.Ordinal)
            || derived.Any(i => _derived[i].Contains(RowNumberColumn, StringComparison.Ordinal)));
        return $"WITH {SourceAlias} AS ({SourceSql(derived, rowNumber)}) {query}";
    }

    private static readonly System.Text.RegularExpressions.Regex DerivedReference = new(@"\b__dq_d(\d+)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The one scan: all aggregates as columns m0..mN.</summary>
    public string ScanSql() => ScanSql(Enumerable.Range(0, _aggregates.Count));

    /// <summary>A scan restricted to some aggregates (used to isolate a check whose SQL fails).</summary>
    public string ScanSql(IEnumerable<int> indexes)
    {
        var select = string.Join(", ", indexes.Select(i => $"{_aggregates[i]} AS m{i.ToString(CultureInfo.InvariantCulture)}"));
        return WithSource($"SELECT {select} FROM {SourceAlias}");
    }

    private static string DerivedName(int index) => "__dq_d" + index.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A metric registered with the <see cref="ScanBuilder"/>: its column index in the scan result.</summary>
public readonly record struct MetricHandle(int Index, string Expression);
