using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;

namespace DataQuality.Core.Comparison;

/// <summary>Small read helpers over <see cref="DuckDbSession"/>: DBNull becomes null.</summary>
internal static class DuckDbRows
{
    public static List<object?[]> Query(DuckDbSession session, string sql)
    {
        using var command = session.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = DuckValue.Read(reader, i);
            rows.Add(row);
        }
        return rows;
    }

    public static object?[] Single(DuckDbSession session, string sql) => Query(session, sql).Single();

    public static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    public static double? Double(object? value) => value is null ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
