using System.CommandLine;
using DataQuality.Cli.Demo;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq demo</c>: the newcomer's first command; needs nothing but the .NET SDK.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Where the demo writes the pipeline outputs and its report.",
            DefaultValueFactory = _ => new DirectoryInfo("dq-demo"),
        };
        var command = new Command("demo", "Build a small pipeline's outputs for main and a feature branch, then validate, profile and compare them.") { output };
        command.SetAction((parse, cancellationToken) =>
        {
            // A file named like the demo folder is DQ2009, not an internal error halfway through the build.
            Core.Files.OutputFile.EnsureFolder(parse.GetValue(output)!.FullName);
            return new DemoRunner(context, parse.GetValue(output)!.FullName).RunAsync(cancellationToken);
        });
        return command;
    }
}
