using System.CommandLine;
using DataQuality.Core;
using DataQuality.Core.Contracts.Diff;
using DataQuality.Core.Contracts.Reading;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq contract diff OLD NEW</c>: breaking-change report between two versions of a contract.</summary>
internal static class ContractCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("contract", "Data contract tools.");
        command.Subcommands.Add(Diff(context));
        return command;
    }

    private static Command Diff(CliContext context)
    {
        var oldPath = new Argument<string>("old") { Description = "The contract as it was (e.g. main's)." };
        var newPath = new Argument<string>("new") { Description = "The contract as proposed (e.g. the branch's)." };
        var details = new Option<bool>("--details") { Description = "Also list every changed path with old and new values." };
        var command = new Command("diff", "Compare two contracts: ERROR breaks consumers (exit 1), WARNING might, INFO does not.");
        command.Arguments.Add(oldPath);
        command.Arguments.Add(newPath);
        command.Options.Add(details);
        command.SetAction(parse =>
        {
            var report = ContractDiff.Compare(ContractLoader.LoadDocument(parse.GetValue(oldPath)!), ContractLoader.LoadDocument(parse.GetValue(newPath)!));
            var o = context.Out;
            o.WriteLine($"Summary: [ {report.Count(ChangeKind.Added)} Added ]  [ {report.Count(ChangeKind.Updated)} Updated ]  [ {report.Count(ChangeKind.Removed)} Removed ]");
            foreach (var s in report.Summary) o.WriteLine($"  {s.Kind,-8} {s.Path}");
            if (parse.GetValue(details))
            {
                o.WriteLine("Details:");
                foreach (var c in report.Changes)
                    o.WriteLine($"  {c.Kind,-8} {c.Path}  {c.OldValue?.ToJsonString() ?? ""} -> {c.NewValue?.ToJsonString() ?? ""}");
            }
            o.WriteLine("Findings:");
            foreach (var f in report.Findings) o.WriteLine("  " + f);
            var errors = report.Findings.Count(f => f.Level == ChangeLevel.Error);
            var warnings = report.Findings.Count(f => f.Level == ChangeLevel.Warning);
            o.WriteLine(report.Breaking ? $"BREAKING: {errors} error(s), {warnings} warning(s)" : $"Not breaking: {warnings} warning(s)");
            return report.Breaking ? ExitCodes.ChecksFailed : ExitCodes.Passed;
        });
        return command;
    }
}
