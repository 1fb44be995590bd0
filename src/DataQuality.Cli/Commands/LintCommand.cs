using System.CommandLine;
using DataQuality.Core;
using DataQuality.Core.Contracts.Lint;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq lint C...</c>: structure and semantics of data contracts, one line per finding; exit 1 on errors.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var contracts = new Argument<string[]>("contracts") { Description = "Contract files (ODCS 3.x or DCS 1.x YAML).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("lint", "Check data contracts for structural and semantic problems (file(line,col): error|warning DQnnnn: message).");
        command.Arguments.Add(contracts);
        command.SetAction(parse =>
        {
            var errors = 0;
            var warnings = 0;
            foreach (var path in parse.GetValue(contracts) ?? [])
            {
                foreach (var d in ContractLinter.LintFile(path))
                {
                    context.Out.WriteLine(d.ToString());
                    if (d.Severity == LintSeverity.Error) errors++;
                    else warnings++;
                }
            }
            context.Out.WriteLine($"{errors} error(s), {warnings} warning(s)");
            return errors > 0 ? ExitCodes.ChecksFailed : ExitCodes.Passed;
        });
        return command;
    }
}
