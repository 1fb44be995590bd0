using System.CommandLine;
using System.CommandLine.Help;
using DataQuality.Cli.Options;
using DataQuality.Core;
using DataQuality.Core.Diagnostics;

namespace DataQuality.Cli;

/// <summary>
/// Builds the <c>dq</c> command tree and maps every outcome to a documented exit code:
/// 0 passed, 1 checks failed, 2 usage or input error, 3 internal error. A user's mistake is
/// one diagnostic line; a stack trace is printed only for internal errors with DQ_DEBUG=1.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(stdout, stderr);
        var root = new RootCommand("dq: data-quality checks, profiles and comparisons for pipeline outputs.");
        foreach (var command in CommandCatalog.Create(context))
            root.Subcommands.Add(command);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var line in ParseErrors.Describe(parsed))
                await stderr.WriteLineAsync(line).ConfigureAwait(false);
            await stderr.WriteLineAsync("Run 'dq --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        foreach (var warning in CommonOptions.DeprecatedNames(parsed))
            await stderr.WriteLineAsync(warning).ConfigureAwait(false);

        if (parsed.Action is HelpAction)
        {
            var help = new StringWriter();
            await parsed.InvokeAsync(new InvocationConfiguration { Output = help, Error = stderr }, cancellationToken).ConfigureAwait(false);
            await stdout.WriteAsync(ChoiceOption.LowerCaseDefaults(help.ToString(), root)).ConfigureAwait(false);
            return ExitCodes.Passed;
        }

        try
        {
            // The default handler would print a stack trace and return 1; our catch blocks below map exit codes.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (DataQualityException ex)
        {
            await stderr.WriteLineAsync(ex.ToDiagnosticString()).ConfigureAwait(false);
            if (ex is InternalException) await WriteDebugAsync(stderr, ex).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("dq: cancelled").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"dq: internal error DQ9000: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            await WriteDebugAsync(stderr, ex).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static async Task WriteDebugAsync(TextWriter stderr, Exception ex)
    {
        if (Environment.GetEnvironmentVariable("DQ_DEBUG") == "1")
            await stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
        else
            await stderr.WriteLineAsync("Set DQ_DEBUG=1 for the stack trace, and please report it.").ConfigureAwait(false);
    }
}
