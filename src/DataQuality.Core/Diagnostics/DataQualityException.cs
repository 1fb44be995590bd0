namespace DataQuality.Core.Diagnostics;

/// <summary>
/// Base of every error the engine raises on purpose. Carries a stable code (DQnnnn), the
/// location of the offending input and the process exit code it maps to, so the CLI can
/// print one clear line instead of a stack trace.
/// </summary>
public abstract class DataQualityException : Exception
{
    protected DataQualityException(string code, string message, SourceLocation? location, Exception? inner)
        : base(message, inner)
    {
        Code = code;
        Location = location;
    }

    /// <summary>Stable diagnostic code such as <c>DQ2001</c>; documented in docs/errors.md.</summary>
    public string Code { get; }

    /// <summary>The file, line or URI the error is about, when there is one.</summary>
    public SourceLocation? Location { get; }

    public abstract int ExitCode { get; }

    /// <summary><c>path(line,col): error DQnnnn: message</c>, or without the location prefix.</summary>
    public string ToDiagnosticString() =>
        Location is null ? $"error {Code}: {Message}" : $"{Location}: error {Code}: {Message}";
}

/// <summary>A user's mistake: bad input file, unknown column, unreadable data, bad arguments. Exit code 2.</summary>
public class InputException : DataQualityException
{
    public InputException(string code, string message, SourceLocation? location = null, Exception? inner = null)
        : base(code, message, location, inner) { }

    public override int ExitCode => ExitCodes.UsageOrInputError;
}

/// <summary>A bug or environment failure we did not anticipate. Exit code 3.</summary>
public class InternalException : DataQualityException
{
    public InternalException(string code, string message, SourceLocation? location = null, Exception? inner = null)
        : base(code, message, location, inner) { }

    public override int ExitCode => ExitCodes.InternalError;
}
