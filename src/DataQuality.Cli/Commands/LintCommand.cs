using System.CommandLine;
using DataQuality.Core;
using DataQuality.Core.Contracts.Lint;
using DataQuality.Core.Expectations;

namespace DataQuality.Cli.Commands;

/// <summary>
/// <c>dq lint FILE...</c>: structure and semantics of data contracts and expectation suites (told apart by
/// content), one line per finding; exit 1 on errors. Both linters are Core's, the ones the build runs.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var contracts = new Argument<string[]>("contracts") { Description = "Contract files (ODCS 3.x or DCS 1.x YAML) or suite files (GX JSON, YAML with an expectations list).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("lint", "Check data contracts and expectation suites for structural and semantic problems, without data (file(line,col): error|warning DQnnnn: message).");
        command.Arguments.Add(contracts);
        command.SetAction(parse =>
        {
            var errors = 0;
            var warnings = 0;
            foreach (var path in parse.GetValue(contracts) ?? [])
            {
                if (SuiteLinter.IsSuiteFile(path))
                {
                    foreach (var problem in SuiteLinter.LintFile(path))
                    {
                        context.Out.WriteLine(problem.ToDiagnosticString());
                        errors++;
                    }
                    continue;
                }
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
