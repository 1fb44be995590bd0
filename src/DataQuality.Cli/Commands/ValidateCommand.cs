using System.CommandLine;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Expectations.Readers;
using DataQuality.Core.History;
using DataQuality.Core.Reporting;
using DataQuality.Core.Storage;
using DataQuality.Reports.Model;

namespace DataQuality.Cli.Commands;

/// <summary>
/// <c>dq validate --suite S --data D</c>: one suite against one dataset, one scan; or
/// <c>dq validate --contract C [--server S] [--var k=v]... [--model M] [--dry-run]</c>: the checks a
/// data contract derives, against each of its models' data (one scan per model).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var suite = new Option<FileInfo?>("--suite", "-s") { Description = "Expectation suite: GX JSON (0.18 or 1.x) or YAML." };
        var data = new Option<string?>("--data", "-d") { Description = "Dataset: Parquet/CSV/NDJSON file, directory, glob or hive-partitioned tree (local or s3://)." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var failOn = CommonOptions.FailOn();
        var threads = CommonOptions.Threads();
        var html = HtmlReportOption.Create();
        var resultFormat = new Option<ResultFormatLevel>("--result-format")
        {
            Description = "GX result_format level: BooleanOnly, Basic, Summary (default) or Complete.",
            DefaultValueFactory = _ => ResultFormatLevel.Summary,
        };

        var history = new HistoryOptions();
        var storage = new StorageOptionsBinder();
        var command = new Command("validate", "Validate a dataset against an expectation suite.")
        {
            suite, data, format, output, failOn, threads, resultFormat, html,
        };
        storage.AddTo(command);
        history.AddTo(command);
        var contract = new ContractValidation();
        contract.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var historyStore = history.Open(parse, storage);
            if (parse.GetValue(contract.Contract) is { } contractFile)
            {
                var contractDuckDb = DuckDbOptions.FromEnvironment() with { Threads = parse.GetValue(threads) ?? DuckDbOptions.FromEnvironment().Threads };
                return await contract.RunAsync(context, parse, contractFile, storage, parse.GetValue(format), parse.GetValue(output),
                    parse.GetValue(failOn) == FailOn.Warn, contractDuckDb, historyStore, parse.GetValue(html), cancellationToken).ConfigureAwait(false);
            }
            var suiteFile = parse.GetValue(suite);
            var dataLocation = parse.GetValue(data);
            if (suiteFile is null || string.IsNullOrWhiteSpace(dataLocation))
            {
                await context.Error.WriteLineAsync("dq validate: --suite and --data (or --contract) are required.").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            var expectationSuite = SuiteReader.ReadFile(suiteFile.FullName);
            var duckDb = DuckDbOptions.FromEnvironment() with { Threads = parse.GetValue(threads) ?? DuckDbOptions.FromEnvironment().Threads };
            var (resolver, fetcher) = StorageFactory.CreateResolver(storage.Bind(parse));
            using var _ = fetcher; // owns the S3 client and, with --no-cache, the downloaded files
            var validator = new DatasetValidator(resolver, duckDb);
            var level = parse.GetValue(resultFormat);
            var historyTarget = historyStore is null ? null : new HistoryTarget(historyStore, parse.GetValue(history.Dataset) ?? dataLocation);
            var report = await validator.ValidateAsync(
                expectationSuite,
                DatasetRef.Parse(dataLocation),
                ResultFormat.Default with { Level = level, UnexpectedIndexColumnNames = expectationSuite.PrimaryKey },
                historyTarget,
                cancellationToken).ConfigureAwait(false);
            if (historyTarget is not null)
                await context.Error.WriteLineAsync($"Metric history: run appended to {historyStore!.Location} (dataset '{historyTarget.Dataset}').").ConfigureAwait(false);

            await CommonOptions.WriteAsync(context, parse.GetValue(output), ValidationRenderer.Render([report], parse.GetValue(format)), cancellationToken).ConfigureAwait(false);
            var inputs = new ReportInputs();
            inputs.Validations.Add((suiteFile.FullName, report));
            await HtmlReportOption.WriteAsync(context, parse.GetValue(html), inputs, cancellationToken).ConfigureAwait(false);
            return report.ExitCode(failOnWarn: parse.GetValue(failOn) == FailOn.Warn);
        });
        return command;
    }
}
