using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Expectations;

/// <summary>A small in-memory DuckDB table <c>t</c> keyed by <c>id</c>, and a one-call way to run expectations on it.</summary>
public sealed class MapTable : IDisposable
{
    public MapTable(string selectSql)
    {
        Db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        Db.Execute($"CREATE TABLE t AS {selectSql}");
    }

    public DuckDbSession Db { get; }

    public int LastScanCount { get; private set; }

    public static ExpectationConfig E(string type, object kwargs) =>
        new(type, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(kwargs))!.AsObject());

    public ExpectationResult Run(string type, object kwargs, ResultFormatLevel level = ResultFormatLevel.Complete) =>
        RunAll(level, E(type, kwargs))[0];

    public IReadOnlyList<ExpectationResult> RunAll(ResultFormatLevel level, params ExpectationConfig[] expectations)
    {
        var runner = new SuiteRunner(Db);
        var format = new ResultFormat { Level = level, UnexpectedIndexColumnNames = ["id"] };
        var report = runner.Run(new ExpectationSuite("s", expectations), new DataSource("t", "t", "id"), format);
        LastScanCount = runner.LastScanCount;
        return report.Results;
    }

    public void Dispose() => Db.Dispose();
}
