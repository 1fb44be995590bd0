using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.History;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq history show --history H [--dataset D] [--metric M] [--last K]</c>: the recorded metric series.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("history", "Inspect the metric history written by dq validate --history.");
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var location = new Option<string>("--history") { Description = "History folder or s3://bucket/prefix.", Required = true };
        var dataset = new Option<string?>("--dataset") { Description = "Only this dataset key (as stored: the --data location, --history-dataset, or <contract id>/<model>)." };
        var metric = new Option<string?>("--metric") { Description = "Only checks whose key is this (e.g. row_count, mean(amount)) or contains it." };
        var last = new Option<int?>("--last") { Description = "Only the last K runs of each dataset." };
        var format = new Option<string>("--format", "-f") { Description = "text (default) or json (one object per value).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var storage = new StorageOptionsBinder();
        var command = new Command("show", "Print the series of recorded values: time, run, dataset, key, value, counts, status.") { location, dataset, metric, last, format };
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var store = MetricHistoryStores.Open(parse.GetValue(location)!, storage.Bind(parse));
            var runs = await store.ReadAsync(parse.GetValue(dataset), ct).ConfigureAwait(false);
            if (parse.GetValue(last) is { } k)
                runs = runs.GroupBy(r => r.Dataset).SelectMany(g => g.TakeLast(Math.Max(0, k))).OrderBy(r => r.TimeUtc).ToList();
            var wanted = parse.GetValue(metric);
            var rows = runs.SelectMany(r => r.Checks
                .Where(c => wanted is null || c.Key == wanted || c.Key.Contains(wanted, StringComparison.Ordinal))
                .Select(c => (Run: r, Check: c))).ToList();
            var text = parse.GetValue(format) == "json" ? Json(rows) : Text(rows, store.Location);
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }

    private static string Text(List<(HistoryRun Run, HistoryCheck Check)> rows, string location)
    {
        if (rows.Count == 0) return $"No history in {location} for this selection.\n";
        var table = rows.Select(x => new[]
        {
            x.Run.TimeUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            x.Run.RunId.Split('-')[^1],
            x.Run.Dataset,
            x.Check.Key,
            x.Check.ObservedValue?.ToJsonString() ?? "-",
            x.Check.ElementCount?.ToString(CultureInfo.InvariantCulture) ?? "-",
            x.Check.UnexpectedCount?.ToString(CultureInfo.InvariantCulture) ?? "-",
            x.Check.Status,
        }).ToList();
        string[] header = ["time (UTC)", "run", "dataset", "key", "value", "elements", "unexpected", "status"];
        var widths = header.Select((h, i) => Math.Max(h.Length, table.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) => sb.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var r in table) Line(r);
        return sb.ToString();
    }

    private static string Json(List<(HistoryRun Run, HistoryCheck Check)> rows)
    {
        var array = new JsonArray();
        foreach (var (run, check) in rows)
            array.Add((JsonNode)new JsonObject
            {
                ["time_utc"] = run.TimeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                ["run_id"] = run.RunId,
                ["dataset"] = run.Dataset,
                ["source"] = run.Source,
                ["key"] = check.Key,
                ["observed_value"] = check.ObservedValue?.DeepClone(),
                ["element_count"] = check.ElementCount,
                ["unexpected_count"] = check.UnexpectedCount,
                ["status"] = check.Status,
            });
        return array.ToJsonString(Core.Reporting.JsonNumbers.Indented) + "\n";
    }
}
