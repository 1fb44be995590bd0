namespace DataQuality.Cli;

/// <summary>The writers a command prints to; tests pass their own.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error);
