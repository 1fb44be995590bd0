using System.CommandLine;
using DataQuality.Core;
using DataQuality.Core.Snapshots;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq snapshots check</c>: received files left behind and verified files no test uses; exit 1 when there are any.</summary>
internal static class SnapshotsCommand
{
    public static Command Create(CliContext context)
    {
        var root = new Option<string>("--root") { Description = "Repository folder to search (default: the current directory).", DefaultValueFactory = _ => "." };
        var check = new Command("check", "List *.received.* files left behind and *.verified.* files whose test no longer exists.");
        check.Options.Add(root);
        check.SetAction(async parse =>
        {
            var dir = parse.GetValue(root)!;
            var received = SnapshotStore.FindReceived(dir);
            var unused = SnapshotStore.FindUnused(dir);
            foreach (var f in received) await context.Out.WriteLineAsync($"received (not accepted): {Path.GetRelativePath(dir, f)}").ConfigureAwait(false);
            foreach (var f in unused) await context.Out.WriteLineAsync($"verified (no test uses it): {Path.GetRelativePath(dir, f)}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"{received.Count} received, {unused.Count} unused verified").ConfigureAwait(false);
            return received.Count + unused.Count == 0 ? ExitCodes.Passed : ExitCodes.ChecksFailed;
        });
        var command = new Command("snapshots", "Housekeeping for approval snapshot files.");
        command.Subcommands.Add(check);
        return command;
    }
}
