using DataQuality.Core.Checks.Planning;

namespace DataQuality.Core.Expectations.Catalog.ColumnMap;

/// <summary>Shared column-type rules for the string expectations of this family.</summary>
internal static class StringColumns
{
    /// <summary>The column must hold text; otherwise the expectation cannot be evaluated (GX raises the same way).</summary>
    public static void Require(PlanContext context, SchemaColumn column, string what)
    {
        if (column.Family != TypeFamily.String)
            throw new ExpectationArgumentException("DQ4410",
                $"{context.Config.Type}: column '{column.Name}' is {column.Type}; {what} needs a string column.", context.Config.Location);
    }

    /// <summary>
    /// The column as text for pattern matching: strings as they are, other types through their
    /// DuckDB text form (pandas' <c>astype(str)</c> for regexes is the same idea).
    /// </summary>
    public static string AsText(SchemaColumn column, string ident) =>
        column.Family == TypeFamily.String ? ident : $"CAST({ident} AS VARCHAR)";
}
