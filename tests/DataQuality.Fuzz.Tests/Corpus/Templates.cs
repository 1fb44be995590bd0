using DataQuality.Core.Datasets;

namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>
/// Parquet files the cases copy into their workspaces, written once per test run with DuckDB (through
/// Core's DuckDbSession) into a temp folder removed when the process exits.
/// </summary>
public static class Templates
{
    private static readonly string Root = CreateRoot();

    /// <summary>Column names that have broken quoting, markup or terminals elsewhere.</summary>
    public static readonly string[] HostileNames =
    [
        "q\"uote", "'; DROP TABLE t; --", "<script>alert(1)</script>", "new\nline", "emoji 😀", "עמודה\u202Eltr", "back\\slash",
    ];

    /// <summary>Values with the same problems, plus a string a backtracking regex engine chokes on.</summary>
    public static readonly string[] HostileValues =
    [
        "a\"b", "x'; DROP TABLE t; --", "<script>alert(1)</script>", "two\nlines", "😀🔥", "שלום\u202Edlrow", new string('a', 40) + "!", "",
    ];

    private static readonly Lazy<string> OrdersFile = new(() => Write("orders.parquet",
        "SELECT i::BIGINT AS id, CASE WHEN i % 3 = 0 THEN 'closed' ELSE 'open' END AS status, (i * 2.5)::DOUBLE AS amount, " +
        "TIMESTAMP '2026-01-01' + INTERVAL (i) HOUR AS ts FROM range(1, 21) t(i)"));

    private static readonly Lazy<string> HostileFile = new(() => Write("hostile.parquet", HostileSelect(changed: false)));

    private static readonly Lazy<string> HostileChangedFile = new(() => Write("hostile-changed.parquet", HostileSelect(changed: true)));

    /// <summary>20 orders: id BIGINT, status VARCHAR (open/closed), amount DOUBLE, ts TIMESTAMP.</summary>
    public static string Orders => OrdersFile.Value;

    /// <summary>id, status, and one VARCHAR column per <see cref="HostileNames"/> entry holding <see cref="HostileValues"/>.</summary>
    public static string Hostile => HostileFile.Value;

    /// <summary>As <see cref="Hostile"/> with rows shifted by one value, for a compare with changes.</summary>
    public static string HostileChanged => HostileChangedFile.Value;

    private static string HostileSelect(bool changed)
    {
        var values = string.Join(", ", HostileValues.Select(SqlText.Literal));
        var shift = changed ? 1 : 0;
        var columns = HostileNames.Select(name => $"list_value({values})[((i + {shift}) % {HostileValues.Length}) + 1] AS {SqlText.Identifier(name)}");
        return $"SELECT i::BIGINT AS id, CASE WHEN i % 2 = 0 THEN 'a;b' ELSE 'open' END AS status, {string.Join(", ", columns)} FROM range(1, 41) t(i)";
    }

    private static string Write(string name, string select)
    {
        var path = Path.Combine(Root, name);
        using var db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        db.Execute($"COPY ({select}) TO {SqlText.Literal(path)} (FORMAT parquet)");
        return path;
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "dq-fuzz-templates", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return root;
    }
}
