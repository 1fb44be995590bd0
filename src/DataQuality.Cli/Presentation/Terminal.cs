namespace DataQuality.Cli.Presentation;

/// <summary>Whether a command's writers are a real terminal, and whether colour may be used on it.</summary>
internal static class Terminal
{
    /// <summary>Standard error is the process's console and not redirected (tests pass their own writers).</summary>
    public static bool IsErrorTerminal(CliContext context) =>
        ReferenceEquals(context.Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    /// <summary>Standard output is the process's console and not redirected.</summary>
    public static bool IsOutputTerminal(CliContext context) =>
        ReferenceEquals(context.Out, System.Console.Out) && !System.Console.IsOutputRedirected;

    /// <summary>Colour on standard output: only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org).</summary>
    public static bool ColourOnOutput(CliContext context) =>
        ColourAllowed(IsOutputTerminal(context), Environment.GetEnvironmentVariable("NO_COLOR"));

    internal static bool ColourAllowed(bool terminal, string? noColor) => terminal && string.IsNullOrEmpty(noColor);
}
