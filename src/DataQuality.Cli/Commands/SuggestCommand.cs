using System.CommandLine;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Datasets;
using DataQuality.Core.Diagnostics;
using DataQuality.Core.Files;
using DataQuality.Core.Profiling;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Commands;

/// <summary>
/// <c>dq suggest PATH --output contract.yaml</c>: drafts an ODCS 3.1 contract from a profile of the data. It reads
/// what <c>dq profile</c> reads (local or s3://, the same storage options), with the same <c>--threads</c>, read
/// limits, progress and <c>--quiet</c>: the profile is the same one.
/// </summary>
internal static class SuggestCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "A Parquet file, directory, glob or hive-partitioned tree (local or s3://) to draw the contract from." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the contract YAML (default: print it)." };
        var legacyOut = new Option<string?>("--out") { Hidden = true, Description = "Deprecated: use --output." };
        var name = new Option<string?>("--name") { Description = "Contract and table name (default: the file or directory name)." };
        var threads = ProfileCommand.ThreadsOption();
        var quiet = CommonOptions.Quiet();
        var command = new Command("suggest", "Suggest an ODCS 3.1 data contract (types, required, unique, enums, ranges, formats) from the data.")
        {
            path, output, legacyOut, name, threads, quiet,
        };
        var storage = new StorageOptionsBinder();
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var dataset = DatasetRef.Parse(parse.GetValue(path)!);
            if (dataset.Format != DatasetFormat.Parquet)
                throw new InputException(ProfileErrors.NotParquet, $"dq suggest reads Parquet; '{dataset.Location}' looks like {dataset.Format}.", new SourceLocation(dataset.Location));
            var (resolver, fetcher) = StorageFactory.CreateResolver(storage.Bind(parse));
            using var _ = fetcher; // keeps --no-cache downloads until the draft is written
            var resolved = await resolver.ResolveAsync(dataset, ct).ConfigureAwait(false);
            var file = parse.GetValue(output) ?? parse.GetValue(legacyOut);
            if (file is { Length: > 0 }) OutputFile.EnsureWritable(file, resolved.Files); // never over the data it drafts from (DQ2008)
            var profile = await ProfileCommand.ProfileWithProgressAsync(context, "suggest", parse.GetValue(quiet),
                ProfileInput.From(resolved.Files, resolved.Locations), ProfileCommand.ScanOptions(parse.GetValue(threads)), ct).ConfigureAwait(false);
            var contractName = parse.GetValue(name) is { Length: > 0 } n ? n : DefaultName(dataset.Location);
            using var db = DuckDbSession.Open(DuckDbOptions.FromEnvironment().WithThreads(parse.GetValue(threads), "--threads"));
            // The draft names the data it came from (relative to where it is written), so `dq validate --contract` runs it as is.
            var serverPath = file is { Length: > 0 } && !dataset.IsS3
                ? Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFullPath(dataset.Location)).Replace('\\', '/')
                : dataset.Location;
            if (Directory.Exists(dataset.Location)) serverPath = serverPath.TrimEnd('/') + "/**/*.parquet";
            var yaml = ContractSuggester.SuggestYaml(profile, contractName, resolved.ToRelationSql(), db, serverPath);
            if (file is { Length: > 0 })
            {
                await OutputFile.WriteAllTextAsync(file, yaml, resolved.Files, cancellationToken: ct).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"wrote {file}: {profile.Columns.Count} columns from {profile.RowCount:N0} rows").ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteAsync(yaml).ConfigureAwait(false);
            }
            return ExitCodes.Passed;
        });
        return command;
    }

    private static string DefaultName(string location)
    {
        var trimmed = location.TrimEnd('/', '\\');
        var leaf = Path.GetFileName(trimmed.Contains('*', StringComparison.Ordinal) ? Path.GetDirectoryName(trimmed) ?? "dataset" : trimmed);
        var stem = leaf.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? leaf[..^".parquet".Length] : leaf;
        return string.IsNullOrWhiteSpace(stem) ? "dataset" : stem;
    }
}
