using System.CommandLine;
using System.Globalization;
using DataQuality.Cli.Options;
using DataQuality.Cli.Presentation;
using DataQuality.Core;
using DataQuality.Core.Storage;

namespace DataQuality.Cli.Commands;

/// <summary>
/// <c>dq storage ls|sync|rm</c>: list, snapshot and clean object trees (s3:// or local) with the same
/// selection rules (globs, hive partitions) the checks use.
/// </summary>
internal static class StorageCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("storage", "List, copy/sync and delete objects under s3:// prefixes or local folders.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Sync(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Option<string[]> PartitionOption() => new("--partition")
    {
        Description = "Only objects in these hive partitions, e.g. --partition ds=2026-02-11 (repeat for more columns; comma = alternatives).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Command List(CliContext context)
    {
        var location = new Argument<string>("location") { Description = "s3://bucket/prefix, a glob, or a local folder." };
        var partition = PartitionOption();
        var storage = new StorageOptionsBinder();
        var command = new Command("ls", "List objects: size, ETag and key, one per line.") { location, partition };
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var uri = StorageUri.Parse(parse.GetValue(location)!);
            var store = StorageFactory.StoreFor(uri, storage.Bind(parse));
            try
            {
                var count = 0;
                await foreach (var item in ObjectSelection.SelectAsync(store, uri, PartitionFilter.Parse(parse.GetValue(partition) ?? []), ct))
                {
                    count++;
                    await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{item.Size,12} {item.ETag?.Trim('"') ?? "-",-34} {item.Uri}"));
                }
                await context.Error.WriteLineAsync($"{count} object(s)");
                return ExitCodes.Passed;
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    private static Command Sync(CliContext context)
    {
        var source = new Argument<string>("source") { Description = "s3://bucket/prefix or local folder to copy from." };
        var destination = new Argument<string>("destination") { Description = "s3://bucket/prefix or local folder to copy to." };
        var partition = PartitionOption();
        var delete = new Option<bool>("--delete") { Description = "Delete destination objects that the source does not have." };
        var quiet = CommonOptions.Quiet();
        var storage = new StorageOptionsBinder();
        var command = new Command("sync", "Copy new and changed objects from source to destination (relative keys kept).") { source, destination, partition, delete, quiet };
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = storage.Bind(parse);
            var from = StorageUri.Parse(parse.GetValue(source)!);
            var to = StorageUri.Parse(parse.GetValue(destination)!);
            var fromStore = StorageFactory.StoreFor(from, options);
            var toStore = from.IsS3 && to.IsS3 ? fromStore : StorageFactory.StoreFor(to, options);
            try
            {
                var filter = PartitionFilter.Parse(parse.GetValue(partition) ?? []);
                var result = await ProgressReporter.For(context, "storage sync", parse.GetValue(quiet)).RunAsync(
                    p => StorageOperations.SyncAsync(fromStore, from, toStore, to, filter, parse.GetValue(delete), cancellationToken: ct, progress: p), ct);
                await context.Out.WriteLineAsync($"copied {result.Copied} ({ByteSize.Format(result.BytesCopied)}), unchanged {result.Unchanged}, deleted {result.Deleted}");
                return ExitCodes.Passed;
            }
            finally
            {
                (fromStore as IDisposable)?.Dispose();
                if (!ReferenceEquals(fromStore, toStore)) (toStore as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var location = new Argument<string>("location") { Description = "s3://bucket/prefix, a glob, or a local folder." };
        var partition = PartitionOption();
        var storage = new StorageOptionsBinder();
        var command = new Command("rm", "Delete every object the location (and --partition filter) selects.") { location, partition };
        storage.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var uri = StorageUri.Parse(parse.GetValue(location)!);
            var store = StorageFactory.StoreFor(uri, storage.Bind(parse));
            try
            {
                var deleted = await StorageOperations.DeleteAsync(store, uri, PartitionFilter.Parse(parse.GetValue(partition) ?? []), ct);
                await context.Out.WriteLineAsync($"deleted {deleted} object(s)");
                return ExitCodes.Passed;
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        });
        return command;
    }
}
