using System.CommandLine;
using System.Reflection;
using DataQuality.Core;

namespace DataQuality.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Print the dq version and the bundled DuckDB version.");
        command.SetAction(_ =>
        {
            var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            using var session = Core.Datasets.DuckDbSession.Open();
            context.Out.WriteLine($"dq {version} (DuckDB {session.Scalar("SELECT version()")})");
            return ExitCodes.Passed;
        });
        return command;
    }
}
