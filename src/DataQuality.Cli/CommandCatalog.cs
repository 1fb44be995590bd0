using System.CommandLine;
using DataQuality.Cli.Commands;

namespace DataQuality.Cli;

/// <summary>Every top-level <c>dq</c> command. Each lives in its own file under Commands/.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return DemoCommand.Create(context);
        yield return ValidateCommand.Create(context);
        yield return ProfileCommand.Create(context);
        yield return SuggestCommand.Create(context);
        yield return LintCommand.Create(context);
        yield return ContractCommand.Create(context);
        yield return StorageCommand.Create(context);
        yield return VersionCommand.Create(context);
        yield return CompareCommand.Create(context);
        yield return AcceptCommand.Create(context);
        yield return SnapshotsCommand.Create(context);
        yield return HistoryCommand.Create(context);
        yield return BenchCommand.Create(context);
        yield return ReportCommand.Create(context);
    }
}
