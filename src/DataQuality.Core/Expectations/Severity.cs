namespace DataQuality.Core.Expectations;

/// <summary>What a failing check does to the run: <see cref="Error"/> fails it, <see cref="Warn"/> only reports.</summary>
public enum Severity
{
    Error,
    Warn,
}
