using System.CommandLine;
using DataQuality.Core.History;

namespace DataQuality.Cli.Options;

/// <summary><c>--history DIR|s3://bucket/prefix</c> and <c>--history-dataset NAME</c> (docs/history.md).</summary>
internal sealed class HistoryOptions
{
    public Option<string?> Location { get; } = new("--history")
    {
        Description = "Metric history: a folder or s3://bucket/prefix. The run's metrics are appended, and dq_metric_within_history checks compare with earlier runs.",
    };

    public Option<string?> Dataset { get; } = new("--history-dataset")
    {
        Description = "Key the run is stored and compared under (default: the --data location; contracts use <contract id>/<model>).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Location);
        command.Options.Add(Dataset);
    }

    /// <summary>The store <c>--history</c> names (S3 flags apply to an s3:// prefix), or null without it.</summary>
    public IMetricHistoryStore? Open(ParseResult parse, StorageOptionsBinder storage) =>
        parse.GetValue(Location) is { Length: > 0 } location ? MetricHistoryStores.Open(location, storage.Bind(parse)) : null;
}
