using System.CommandLine;
using DataQuality.Core;
using DataQuality.Core.Snapshots;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq accept [PATH…|--all]</c>: turns received snapshot files into verified ones.</summary>
internal static class AcceptCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Received (or verified) snapshot files, or folders to accept everything below.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Accept every received file under --root." };
        var root = new Option<string>("--root") { Description = "Where --all searches (default: the current directory).", DefaultValueFactory = _ => "." };
        var command = new Command("accept", "Accept snapshots: move *.received.* over the matching *.verified.* files.");
        command.Arguments.Add(paths);
        command.Options.Add(all);
        command.Options.Add(root);
        command.SetAction(async parse =>
        {
            var given = parse.GetValue(paths) ?? [];
            if (given.Length == 0 && !parse.GetValue(all))
            {
                await context.Error.WriteLineAsync("dq accept: name received files or folders, or pass --all.").ConfigureAwait(false);
                return ExitCodes.UsageOrInputError;
            }
            if (parse.GetValue(all)) SnapshotStore.RequireRoot(parse.GetValue(root)!); // not taken for a snapshot file name (DQ6101)
            var accepted = SnapshotStore.Accept(parse.GetValue(all) ? [.. given, parse.GetValue(root)!] : given);
            foreach (var file in accepted) await context.Out.WriteLineAsync($"accepted {Path.GetRelativePath(Environment.CurrentDirectory, file)}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"{accepted.Count} snapshot(s) accepted").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }
}
