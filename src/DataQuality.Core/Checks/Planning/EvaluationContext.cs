using System.Text.Json.Nodes;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations;

namespace DataQuality.Core.Checks.Planning;

/// <summary>What evaluation sees: the scan's metric values, and bounded follow-up queries for samples.</summary>
public sealed class EvaluationContext
{
    private readonly DuckDbSession _session;
    private readonly ScanBuilder _scan;

    public EvaluationContext(ExpectationConfig config, MetricValues values, DuckDbSession session, ScanBuilder scan, ResultFormat resultFormat)
    {
        Config = config;
        Values = values;
        _session = session;
        _scan = scan;
        ResultFormat = resultFormat;
    }

    public ExpectationConfig Config { get; }
    public MetricValues Values { get; }
    public ResultFormat ResultFormat { get; }

    /// <summary>Number of follow-up queries this check ran (reported by tests that prove samples are only fetched when needed).</summary>
    public int FollowUpQueries { get; private set; }

    /// <summary>Runs a bounded query against the same source the scan read (with its derived columns) and returns rows as JSON objects.</summary>
    public IReadOnlyList<JsonObject> Query(string selectFromSource)
    {
        FollowUpQueries++;
        using var command = _session.CreateCommand(_scan.WithSource(selectFromSource));
        using var reader = command.ExecuteReader();
        var rows = new List<JsonObject>();
        while (reader.Read())
        {
            var row = new JsonObject();
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = DuckValue.ToJson(DuckValue.Read(reader, i));
            rows.Add(row);
        }
        return rows;
    }

    public string SourceSql => _scan.SourceSql();

    public ExpectationResult Result(bool success, ResultDetails details) => new()
    {
        Expectation = Config,
        Success = success,
        Status = ExpectationResult.StatusFor(success, Config.Severity),
        Result = ResultFormat.Level == ResultFormatLevel.BooleanOnly ? new ResultDetails() : details,
    };
}
