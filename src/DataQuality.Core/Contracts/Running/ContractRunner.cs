using System.Data.Common;
using DataQuality.Core.Checks;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Contracts.Derivation;
using DataQuality.Core.Contracts.Model;
using DataQuality.Core.Contracts.Reading;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Expectations;
using DataQuality.Core.History;
using DataQuality.Core.Settings;

namespace DataQuality.Core.Contracts.Running;

/// <summary>
/// Validates data against a contract: picks the server, resolves each model's files, derives the
/// checks and runs them through <see cref="SuiteRunner"/> (one scan per dataset). Each model is a
/// DuckDB view named after it (so SQL rules may name it or another model); a contract column that no
/// file has is added to the view as a typed NULL, so only its presence check fails. The session is
/// sandboxed to the resolved files before any check runs, and local server paths are confined to the
/// contract's repository (<see cref="PathConfinement"/>) unless the caller allows other roots.
/// </summary>
public static class ContractRunner
{
    public static async Task<ContractRunResult> ValidateAsync(string contractPath, ContractRunOptions options, DatasetResolver resolver, CancellationToken cancellationToken = default)
    {
        var contract = ContractLoader.Load(contractPath);
        var variables = new VariableValues(options.Variables, options.Environment);
        var schemas = PickSchemas(contract, options);
        var given = options.Data is { } data ? schemas.Select(s => data.TryGetValue(s.Name, out var d) ? d : null).ToList() : schemas.Select(_ => (DatasetRef?)null).ToList();
        // Data given for every model needs no server.
        var server = given.All(d => d is not null) && options.Server is null ? null : PickServer(contract, options);
        var format = given.FirstOrDefault(d => d is not null)?.Format ?? (server is null ? DatasetFormat.Parquet : FormatOf(server, contract));
        var deriver = new CheckDeriver(contract, checkTypes: format == DatasetFormat.Parquet, variables.ResolveInSql, RelationName);
        var baseDirectory = options.BaseDirectory ?? Path.GetDirectoryName(Path.GetFullPath(contractPath)) ?? ".";

        var derived = schemas.Select(deriver.Derive).ToList();
        var locations = schemas.Select((s, i) => given[i]?.Location ?? (server is null ? null : Location(server, s, variables, baseDirectory))).ToList();

        if (options.DryRun)
        {
            var plans = derived.Select((d, i) => new ContractModelResult(d.Schema.Name, locations[i], d, null, DryRun(d, locations[i], format))).ToList();
            return new ContractRunResult(contract, server?.Name, plans) { InputFiles = [contractPath] };
        }
        if (locations.Any(l => l is null))
            throw new InputException("DQ1033", "The contract declares no servers, so there is no data to validate (use --dry-run to list the checks).", contract.Location);

        var serverResolver = server is not null ? options.ResolverForServer?.Invoke(server) ?? resolver : resolver;
        var confinement = options.ConfinePaths
            ? PathConfinement.ForDocument(contractPath, options.BaseDirectory is { } b ? options.AllowedPaths.Append(b) : options.AllowedPaths)
            : null;
        var resolved = new List<ResolvedDataset>();
        for (var i = 0; i < schemas.Count; i++)
        {
            resolved.Add(given[i] is { } ready
                // Data a test names in code (MatchContract) is not a path the document asks for: nothing to confine.
                ? await resolver.ResolveAsync(ready, cancellationToken).ConfigureAwait(false)
                : await ResolveConfinedAsync(serverResolver, DatasetRef.Parse(locations[i]!, format), server!, confinement, baseDirectory, cancellationToken).ConfigureAwait(false));
            await Datasets.ParquetPages.ParquetFileCheck.VerifyAsync(resolved[i], cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        using var session = DuckDbSession.Open(options.DuckDb ?? DuckDbOptions.FromEnvironment());
        var absent = new List<HashSet<string>>();
        for (var i = 0; i < schemas.Count; i++)
            absent.Add(CreateView(session, schemas[i], resolved[i]));
        DuckDbSandbox.Apply(session, resolved.SelectMany(r => r.Files).Distinct().ToList());

        var results = new List<ContractModelResult>();
        var runner = new SuiteRunner(session);
        for (var i = 0; i < schemas.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = new DataSource(schemas[i].Name, RelationName(schemas[i].Name)) { AbsentColumns = absent[i] };
            var historyKey = HistoryDataset(contract, contractPath, schemas[i]);
            var earlier = options.History is null ? null : await MetricHistory.LoadAsync(options.History, historyKey, cancellationToken).ConfigureAwait(false);
            var report = runner.Run(derived[i].Suite, source, null, earlier);
            if (options.History is not null)
                await options.History.AppendAsync(HistoryRecorder.ToRun(report, HistoryRecorder.ContractKind, historyKey), cancellationToken).ConfigureAwait(false);
            results.Add(new ContractModelResult(schemas[i].Name, locations[i], derived[i], report, []));
        }
        return new ContractRunResult(contract, server?.Name, results) { InputFiles = [contractPath, .. resolved.SelectMany(r => r.Files).Distinct()] };
    }

    /// <summary>
    /// Resolves a server's dataset; a local one must lie inside <paramref name="confinement"/> (when there is one),
    /// before it is listed (so a glob never walks outside) and file by file after (so a symlink cannot lead out).
    /// </summary>
    private static async Task<ResolvedDataset> ResolveConfinedAsync(DatasetResolver resolver, DatasetRef dataset, ContractServer server, PathConfinement? confinement, string baseDirectory, CancellationToken cancellationToken)
    {
        var at = server.TargetAt ?? server.At;
        if (dataset.IsS3) return await resolver.ResolveAsync(dataset, cancellationToken).ConfigureAwait(false);
        if (confinement is not null && !confinement.Contains(PathConfinement.GlobBase(dataset.Location)))
            throw confinement.Outside($"Server '{server.Name}' path", dataset.Location, at);
        ResolvedDataset resolved;
        try
        {
            resolved = await resolver.ResolveAsync(dataset, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException ex) when (ex.Code is "DQ2002" or "DQ2003" && FromWorkingDirectory(server, baseDirectory) is { } elsewhere)
        {
            throw new InputException(ex.Code,
                $"{ex.Message} Relative server paths are resolved from the contract's folder ({baseDirectory}); "
                + $"from the working directory the path would be '{elsewhere}', which exists. Write the path relative to the contract's folder.", at, ex);
        }
        if (confinement is not null && resolved.Files.FirstOrDefault(f => !confinement.Contains(f)) is { } outside)
            throw confinement.Outside($"Server '{server.Name}' file", outside, at);
        return resolved;
    }

    /// <summary>The server's relative path taken from the working directory, when something is there; else null.</summary>
    private static string? FromWorkingDirectory(ContractServer server, string baseDirectory)
    {
        var target = server.Target;
        if (target is null || Path.IsPathRooted(target) || target.Contains('$', StringComparison.Ordinal) || target.Contains('{', StringComparison.Ordinal)) return null;
        var fromCwd = Path.GetFullPath(target);
        if (string.Equals(fromCwd, Path.GetFullPath(Path.Combine(baseDirectory, target)), StringComparison.Ordinal)) return null;
        var prefix = PathConfinement.GlobBase(fromCwd);
        return File.Exists(fromCwd) || Directory.Exists(fromCwd) || (prefix != fromCwd && Directory.Exists(prefix)) ? fromCwd : null;
    }

    /// <summary>The key a model's runs are grouped by in the metric history: stable across servers and partitions.</summary>
    public static string HistoryDataset(DataContract contract, string contractPath, ContractSchema schema) =>
        $"{(string.IsNullOrWhiteSpace(contract.Id) ? Path.GetFileNameWithoutExtension(contractPath) : contract.Id)}/{schema.Name}";

    public static string RelationName(string model) => SqlText.Identifier(model);

    private static ContractServer? PickServer(DataContract contract, ContractRunOptions options)
    {
        if (options.Server is null) return contract.Servers.FirstOrDefault();
        var server = contract.Servers.FirstOrDefault(s => s.Name == options.Server);
        if (server is not null) return server;
        var suggestion = EditDistance.Suggest(options.Server, contract.Servers.Select(s => s.Name));
        throw new InputException("DQ1032",
            $"Server '{options.Server}' is not in the contract (servers: {string.Join(", ", contract.Servers.Select(s => s.Name))})" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"),
            contract.Location);
    }

    private static List<ContractSchema> PickSchemas(DataContract contract, ContractRunOptions options)
    {
        if (options.Model is null) return contract.Schemas.ToList();
        var schema = contract.Schemas.FirstOrDefault(s => s.Name == options.Model);
        if (schema is not null) return [schema];
        var suggestion = EditDistance.Suggest(options.Model, contract.Schemas.Select(s => s.Name));
        throw new InputException("DQ1034", $"Model '{options.Model}' is not in the contract" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"), contract.Location);
    }

    private static DatasetFormat FormatOf(ContractServer server, DataContract contract) => server.Format?.ToLowerInvariant() switch
    {
        "parquet" => DatasetFormat.Parquet,
        "csv" => DatasetFormat.Csv,
        "json" or "ndjson" or "jsonl" => DatasetFormat.Json,
        null => DatasetRef.InferFormat(server.Target ?? ""),
        var other => throw new InputException("DQ1035", $"Server '{server.Name}' has format '{other}'; dq reads parquet, csv and json.", server.At),
    };

    /// <summary>The server's path or location for one model: <c>{model}</c> replaced, variables resolved, relative paths anchored.</summary>
    public static string Location(ContractServer server, ContractSchema schema, VariableValues variables, string baseDirectory)
    {
        var type = server.Type?.ToLowerInvariant();
        if (type is not (null or "local" or "s3" or "file" or "duckdb"))
            throw new InputException("DQ1035", $"Server '{server.Name}' is of type '{server.Type}'; dq reads local files and s3.", server.At);
        var target = server.Target
            ?? throw new InputException("DQ1012", $"Server '{server.Name}' has no path or location.", server.At);
        var at = server.TargetAt ?? server.At;
        var location = variables.Resolve(target.Replace("{model}", schema.PhysicalName ?? schema.Name, StringComparison.Ordinal), at);
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)) return location;
        if (location.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) location = location["file://".Length..];
        return Path.IsPathRooted(location) ? location : Path.GetFullPath(Path.Combine(baseDirectory, location));
    }

    /// <summary>Creates the model's view; returns the contract columns no file has (added as typed NULLs).</summary>
    private static HashSet<string> CreateView(DuckDbSession session, ContractSchema schema, ResolvedDataset dataset)
    {
        var raw = dataset.ToRelationSql();
        DatasetSchema columns;
        try
        {
            columns = DatasetSchema.Describe(session, raw);
        }
        catch (DbException ex)
        {
            throw new InputException("DQ2005", $"Cannot read dataset '{dataset.Source.Location}' for model '{schema.Name}': {ReaderErrorText.Of(ex)}", new SourceLocation(dataset.Source.Location), ex);
        }
        var absent = schema.Properties.Where(p => !columns.TryGet(p.Name, out _)).ToList();
        var extra = string.Concat(absent.Select(p => $", CAST(NULL AS {DuckTypeOf(p)}) AS {SqlText.Identifier(p.Name)}"));
        session.Execute($"CREATE OR REPLACE VIEW {RelationName(schema.Name)} AS SELECT *{extra} FROM {raw}");
        return absent.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The DuckDB type a contract property stands for (dry runs and absent columns).</summary>
    public static string DuckTypeOf(ContractProperty p)
    {
        if (p.DcsType?.ToLowerInvariant() is "bytes" or "binary") return "BLOB";
        if (p.PhysicalType is { } physical && Expectations.Catalog.Contract.DqColumnPhysicalType.Canonical(physical) is var canonical
            && TypeFamilies.Of(canonical) != TypeFamily.Other && System.Text.RegularExpressions.Regex.IsMatch(canonical, @"^[A-Z0-9 _(),]+$"))
            return canonical;
        return p.LogicalType?.ToLowerInvariant() switch
        {
            "integer" => "BIGINT",
            "number" => "DOUBLE",
            "boolean" => "BOOLEAN",
            "date" => "DATE",
            "timestamp" => "TIMESTAMP",
            "time" => "TIME",
            "array" => "VARCHAR[]",
            "object" => "MAP(VARCHAR, VARCHAR)",
            _ => "VARCHAR",
        };
    }

    private static List<PlannedContractCheck> DryRun(DerivedChecks derived, string? location, DatasetFormat format)
    {
        var files = SqlText.List([location ?? "<no server>"]);
        var relation = format switch
        {
            DatasetFormat.Csv => $"read_csv({files}, union_by_name=true, hive_partitioning=true, auto_detect=true)",
            DatasetFormat.Json => $"read_json({files}, format='newline_delimited', union_by_name=true, hive_partitioning=true)",
            _ => $"read_parquet({files}, union_by_name=true, hive_partitioning=true)",
        };
        var schema = new DatasetSchema(derived.Schema.Properties.Select(p => new SchemaColumn(p.Name, DuckTypeOf(p))).ToList());
        var source = new DataSource(derived.Schema.Name, relation);
        var plans = new List<PlannedContractCheck>();
        foreach (var config in derived.Suite.Expectations)
        {
            var scan = new ScanBuilder(source);
            string? sql = null, error = null;
            try
            {
                var definition = ExpectationCatalog.Get(config.Type, config.Location);
                Expectations.Arguments.ExpectationArguments.Check(config, definition);
                var planned = definition.Plan(new PlanContext(config, schema, scan, source, ResultFormat.Default)
                {
                    // A dry run reads no history; an empty one lets history checks show their metric SQL.
                    History = new MetricHistory(derived.Schema.Name, "(dry run)", []),
                });
                sql = config.Type == "dq_sql_rule"
                    ? config.Kwargs["query"]?.ToString()
                    : planned.Metrics.Count == 0 ? null : scan.ScanSql(planned.Metrics.Select(m => m.Index).Distinct());
            }
            catch (InputException ex)
            {
                error = $"{ex.Code}: {ex.Message}";
            }
            plans.Add(new PlannedContractCheck(config.DisplayName, config.Type, config.Kwargs.ToJsonString(), config.Location?.ToString() ?? "", sql, error));
        }
        return plans;
    }
}
