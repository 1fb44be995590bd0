using System.CommandLine;
using System.Text;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Contracts.Running;
using DataQuality.Core.Datasets;
using DataQuality.Core.Files;
using DataQuality.Core.Reporting;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Commands;

/// <summary>
/// The <c>--contract</c> side of <c>dq validate</c>: options and execution. A contract's s3 server
/// supplies endpointUrl and region unless <c>--endpoint-url</c>/<c>--region</c> are given.
/// </summary>
internal sealed class ContractValidation
{
    public Option<FileInfo?> Contract { get; } = new("--contract", "-c") { Description = "Data contract (ODCS 3.x or DCS 1.x YAML) to validate its servers' data against." };
    public Option<string?> Server { get; } = new("--server") { Description = "Contract server to read (default: the first one)." };
    public Option<string[]> Variables { get; } = new("--var") { Description = "Variable name=value, e.g. --var ds=2026-02-11: a contract's ${name}, or a suite's run-time parameter {\"$PARAMETER\": \"name\"} (fallback: env DQ_VAR_name).", AllowMultipleArgumentsPerToken = false };
    public Option<string?> Model { get; } = new("--model") { Description = "Only this contract model (schema object)." };
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "List the derived checks and their SQL without reading data." };
    public Option<string[]> AllowPath { get; } = new("--allow-path")
    {
        Description = "Also allow local data under this folder (repeatable); by default a contract's server paths and a suite's other tables must lie in the repository holding the contract or suite.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Contract);
        command.Options.Add(Server);
        command.Options.Add(Variables);
        command.Options.Add(Model);
        command.Options.Add(DryRun);
        command.Options.Add(AllowPath);
    }

    public async Task<int> RunAsync(CliContext context, ParseResult parse, FileInfo contract, StorageOptionsBinder storage, ReportFormat format, FileInfo? output, bool failOnWarn, bool allowEmpty, DuckDbOptions duckDb, Core.History.IMetricHistoryStore? history, FileInfo? html, bool quiet, CancellationToken cancellationToken)
    {
        var bound = storage.Bind(parse);
        var fetchers = new List<IDisposable>();
        try
        {
            DatasetResolver ResolverFor(Core.Contracts.Model.ContractServer server)
            {
                var options = bound with
                {
                    EndpointUrl = parse.GetValue(storage.EndpointUrl) ?? server.EndpointUrl ?? bound.EndpointUrl,
                    Region = parse.GetValue(storage.Region) ?? server.Region ?? bound.Region,
                };
                var (resolver, fetcher) = StorageFactory.CreateResolver(options);
                fetchers.Add(fetcher);
                return resolver;
            }

            var options = new ContractRunOptions
            {
                Server = parse.GetValue(Server),
                Model = parse.GetValue(Model),
                DryRun = parse.GetValue(DryRun),
                Variables = VariableDefinitions(parse),
                AllowedPaths = AllowedPaths(parse),
                DuckDb = duckDb,
                ResolverForServer = ResolverFor,
                History = history,
            };
            if (output is not null) OutputFile.EnsureWritable(output.ToString(), [contract.FullName]);
            var result = await Presentation.ProgressReporter.For(context, "validate", quiet || options.DryRun).RunAsync(
                p => ContractRunner.ValidateAsync(contract.FullName, options with { Progress = p }, DatasetResolver.LocalOnly, cancellationToken), cancellationToken).ConfigureAwait(false);
            var text = options.DryRun ? DryRunText(result) : Render(result, format);
            await CommonOptions.WriteAsync(context, output, text, result.InputFiles, cancellationToken).ConfigureAwait(false);
            if (options.DryRun) return ExitCodes.Passed;
            var page = new Reports.Model.ReportInputs();
            foreach (var model in result.Models.Where(m => m.Report is not null)) page.Validations.Add((contract.FullName, model.Report!));
            await HtmlReportOption.WriteAsync(context, html, page, cancellationToken).ConfigureAwait(false);
            foreach (var model in result.Models)
                if (model.Report is { } report) await CommonOptions.WarnEmptyAsync(context, report, allowEmpty).ConfigureAwait(false);
            return result.ExitCode(failOnWarn, allowEmpty);
        }
        finally
        {
            foreach (var f in fetchers) f.Dispose();
        }
    }

    /// <summary>The <c>--allow-path</c> folders, absolute.</summary>
    public IReadOnlyList<string> AllowedPaths(ParseResult parse) => (parse.GetValue(AllowPath) ?? []).Select(Path.GetFullPath).ToList();

    /// <summary>The <c>--var</c> values, parsed by Core's one parser (DQ1031 for a malformed one).</summary>
    public Dictionary<string, string> VariableDefinitions(ParseResult parse) => Core.Settings.VariableValues.Parse(parse.GetValue(Variables) ?? []);

    /// <summary>The contract-only options given on the command line (an error with <c>--suite</c>); <c>--var</c> also feeds a suite's parameters.</summary>
    public IEnumerable<string> ContractOnlyGiven(ParseResult parse) =>
        new Option[] { Server, Model, DryRun }.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name);

    private static string Render(ContractRunResult result, ReportFormat format)
    {
        var text = ValidationRenderer.Render(result.Models.Select(m => m.Report!).ToList(), format);
        var skipped = result.Models.SelectMany(m => m.Derived.NotExecuted).ToList();
        if (skipped.Count == 0 || format is ReportFormat.Json or ReportFormat.Junit) return text;
        var sb = new StringBuilder(text);
        sb.AppendLine(format == ReportFormat.Markdown ? "\n**Not executed**\n" : "\nNot executed:");
        foreach (var s in skipped) sb.AppendLine($"{(format == ReportFormat.Markdown ? "- " : "  ")}{s.DisplayName}: {s.Reason} ({s.Location})");
        return sb.ToString();
    }

    private static string DryRunText(ContractRunResult result)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Contract {result.Contract.Id} ({result.Contract.Standard}), server {result.ServerName ?? "(none)"}: dry run, no data read.");
        foreach (var model in result.Models)
        {
            sb.AppendLine().AppendLine($"{model.Model}: {model.Plan.Count} check(s) over {model.Dataset ?? "(no dataset)"}");
            foreach (var p in model.Plan)
            {
                sb.AppendLine($"  {p.DisplayName}  [{p.Type}]  {p.Location}");
                if (p.Error is not null) sb.AppendLine($"    cannot plan: {p.Error}");
                else sb.AppendLine(p.Sql is null ? "    schema only (DESCRIBE, no scan)" : $"    {p.Sql}");
            }
            foreach (var s in model.Derived.NotExecuted) sb.AppendLine($"  {s.DisplayName}: not executed: {s.Reason} ({s.Location})");
        }
        return sb.ToString();
    }
}
