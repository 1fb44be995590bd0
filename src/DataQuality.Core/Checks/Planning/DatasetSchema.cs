using DataQuality.Core.Datasets;

namespace DataQuality.Core.Checks.Planning;

/// <summary>A dataset's columns in order, with their DuckDB types, read from <c>DESCRIBE</c> without scanning data.</summary>
public sealed class DatasetSchema
{
    private readonly Dictionary<string, SchemaColumn> _byName;

    public DatasetSchema(IReadOnlyList<SchemaColumn> columns)
    {
        Columns = columns;
        _byName = columns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<SchemaColumn> Columns { get; }

    public bool TryGet(string name, out SchemaColumn column) => _byName.TryGetValue(name, out column!);

    public static DatasetSchema Describe(DuckDbSession session, string relationSql)
    {
        using var command = session.CreateCommand($"DESCRIBE SELECT * FROM {relationSql}");
        using var reader = command.ExecuteReader();
        var columns = new List<SchemaColumn>();
        while (reader.Read())
            columns.Add(new SchemaColumn(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) || reader.GetString(2) == "YES"));
        return new DatasetSchema(columns);
    }

    /// <summary>The closest column name, for "did you mean" in unknown-column errors.</summary>
    public string? Suggest(string name) => EditDistance.Suggest(name, Columns.Select(c => c.Name));
}

/// <summary>A column and its DuckDB type name (e.g. <c>BIGINT</c>, <c>VARCHAR</c>, <c>TIMESTAMP WITH TIME ZONE</c>).</summary>
public sealed record SchemaColumn(string Name, string Type, bool Nullable = true)
{
    public TypeFamily Family => TypeFamilies.Of(Type);
}
