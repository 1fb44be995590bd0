using System.Text.Json;
using System.Text.Json.Nodes;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Tests.Expectations;

/// <summary>A real in-memory DuckDB with a small table <c>t</c>, and helpers to run expectations against it.</summary>
public abstract class ExpectationTestBase : IDisposable
{
    protected ExpectationTestBase(string createTableSql)
    {
        Db = DuckDbSession.Open(new DuckDbOptions { Threads = 1 });
        Db.Execute(createTableSql);
        Runner = new SuiteRunner(Db);
    }

    protected DuckDbSession Db { get; }

    protected SuiteRunner Runner { get; }

    public void Dispose()
    {
        Db.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static ExpectationConfig E(string type, object kwargs) =>
        new(type, JsonNode.Parse(JsonSerializer.Serialize(kwargs))!.AsObject());

    protected ValidationReport Run(params ExpectationConfig[] expectations) =>
        Runner.Run(new ExpectationSuite("s", expectations), new DataSource("t", "t"), ResultFormat.Default with { Level = ResultFormatLevel.Complete });

    protected ExpectationResult One(string type, object kwargs) => Run(E(type, kwargs)).Results[0];

    protected static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}
