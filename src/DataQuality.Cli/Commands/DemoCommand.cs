using System.CommandLine;
using DataQuality.Cli.Demo;

namespace DataQuality.Cli.Commands;

/// <summary><c>dq demo</c>: the newcomer's first command; needs nothing but the .NET SDK.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Where the demo writes the pipeline outputs and its report.",
            DefaultValueFactory = _ => new DirectoryInfo("dq-demo"),
        };
        var legacyOut = new Option<DirectoryInfo?>("--out") { Hidden = true, Description = "Deprecated: use --output." };
        var command = new Command("demo", "Build a small pipeline's outputs for main and a feature branch, then validate, profile and compare them.") { output, legacyOut };
        command.SetAction((parse, cancellationToken) =>
        {
            var root = (parse.GetValue(legacyOut) ?? parse.GetValue(output)!).FullName;
            // A file named like the demo folder is DQ2009, not an internal error halfway through the build.
            Core.Files.OutputFile.EnsureFolder(root);
            return new DemoRunner(context, root).RunAsync(cancellationToken);
        });
        return command;
    }
}
