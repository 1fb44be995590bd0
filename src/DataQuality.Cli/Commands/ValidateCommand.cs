using System.CommandLine;
using DataQuality.Cli.Options;
using DataQuality.Cli.Presentation;
using DataQuality.Core;
using DataQuality.Core.Checks;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations.Readers;
using DataQuality.Core.Files;
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
        var allowEmpty = CommonOptions.AllowEmpty();
        var quiet = CommonOptions.Quiet();
        var resultFormat = ChoiceOption.Create("--result-format", [], "GX result_format level: booleanonly, basic, summary (default) or complete.", ResultFormatLevel.Summary);

        var trustSuiteSql = new Option<bool>("--trust-suite-sql")
        {
            Description = "Run the suite's SQL (row_condition, unexpected_rows_query) without the sandbox, so it may read any file; only for suites you wrote yourself.",
        };

        var history = new HistoryOptions();
        var storage = new StorageOptionsBinder();
        var command = new Command("validate", "Validate a dataset against an expectation suite.")
        {
            suite, data, format, output, failOn, threads, resultFormat, trustSuiteSql, allowEmpty, html, quiet,
        };
        storage.AddTo(command);
        history.AddTo(command);
        var contract = new ContractValidation();
        contract.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            RejectConflicts(parse, suite, data, trustSuiteSql, contract);
            using var historyStore = history.Open(parse, storage);
            if (parse.GetValue(contract.Contract) is { } contractFile)
            {
                var contractDuckDb = DuckDbOptions.FromEnvironment().WithThreads(parse.GetValue(threads), "--threads");
                return await contract.RunAsync(context, parse, contractFile, storage, parse.GetValue(format), parse.GetValue(output),
                    parse.GetValue(failOn) == FailOn.Warn, parse.GetValue(allowEmpty), contractDuckDb, historyStore, parse.GetValue(html), parse.GetValue(quiet), cancellationToken).ConfigureAwait(false);
            }
            var suiteFile = parse.GetValue(suite);
            var dataLocation = parse.GetValue(data);
            if (suiteFile is null || string.IsNullOrWhiteSpace(dataLocation))
            {
                await context.Error.WriteLineAsync("dq validate: --suite and --data (or --contract) are required.").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }

            var dataset = DatasetRef.Parse(dataLocation);
            // The report must never replace what it reports on: known before the scan, checked again when written.
            // The data is listed for that only when there is an output file.
            var outputFile = parse.GetValue(output);
            string[] inputs = outputFile is null ? [] : [suiteFile.FullName, .. dataset.IsS3 ? [] : DatasetResolver.ListLocal(dataset)];
            if (outputFile is not null) OutputFile.EnsureWritable(outputFile.ToString(), inputs);
            // --var gives the suite's run-time parameters ({"$PARAMETER": "name"}); DQ_VAR_name is Core's fallback.
            var expectationSuite = SuiteReader.ReadFile(suiteFile.FullName) with { Parameters = contract.VariableDefinitions(parse) };
            var duckDb = DuckDbOptions.FromEnvironment().WithThreads(parse.GetValue(threads), "--threads");
            var (resolver, fetcher) = StorageFactory.CreateResolver(storage.Bind(parse));
            using var _ = fetcher; // owns the S3 client and, with --no-cache, the downloaded files
            DatasetValidator Validator(IProgress<Core.Progress.WorkProgress> progress) => new(resolver, duckDb)
            {
                TrustSuiteSql = parse.GetValue(trustSuiteSql),
                AllowedPaths = contract.AllowedPaths(parse),
                Progress = progress,
            };
            var level = parse.GetValue(resultFormat);
            var historyTarget = historyStore is null ? null : new HistoryTarget(historyStore, parse.GetValue(history.Dataset) ?? dataLocation);
            var report = await ProgressReporter.For(context, "validate", parse.GetValue(quiet)).RunAsync(p => Validator(p).ValidateAsync(
                expectationSuite,
                dataset,
                ResultFormat.Default with { Level = level, UnexpectedIndexColumnNames = expectationSuite.PrimaryKey },
                historyTarget,
                cancellationToken), cancellationToken).ConfigureAwait(false);
            if (historyTarget is not null)
                await context.Error.WriteLineAsync($"Metric history: run appended to {historyStore!.Location} (dataset '{historyTarget.Dataset}').").ConfigureAwait(false);

            await CommonOptions.WriteAsync(context, outputFile, CommonOptions.Coloured(context, ValidationRenderer.Render([report], parse.GetValue(format)), parse.GetValue(format), outputFile), inputs, cancellationToken).ConfigureAwait(false);
            var page = new ReportInputs();
            page.Validations.Add((suiteFile.FullName, report));
            await HtmlReportOption.WriteAsync(context, parse.GetValue(html), page, cancellationToken).ConfigureAwait(false);
            await CommonOptions.WarnEmptyAsync(context, report, parse.GetValue(allowEmpty)).ConfigureAwait(false);
            return report.ExitCode(failOnWarn: parse.GetValue(failOn) == FailOn.Warn, allowEmpty: parse.GetValue(allowEmpty));
        });
        return command;
    }

    /// <summary>A suite run and a contract run take different options; mixing them is a usage error, not a silent choice.</summary>
    private static void RejectConflicts(ParseResult parse, Option<FileInfo?> suite, Option<string?> data, Option<bool> trustSuiteSql, ContractValidation contract)
    {
        bool Given(Option o) => parse.GetResult(o) is { Implicit: false };
        if (Given(contract.Contract))
        {
            var suiteOnly = new Option[] { suite, data, trustSuiteSql }.Where(Given).Select(o => o.Name).ToList();
            if (suiteOnly.Count > 0)
                throw new InputException(ParseErrors.ConflictingOptions, $"{string.Join(", ", suiteOnly)} cannot be combined with --contract: a contract names its own data (its servers) and always runs sandboxed.");
        }
        else if (Given(suite) && contract.ContractOnlyGiven(parse).ToList() is { Count: > 0 } contractOnly)
        {
            throw new InputException(ParseErrors.ConflictingOptions, $"{string.Join(", ", contractOnly)} only apply to --contract, not to --suite.");
        }
    }
}
