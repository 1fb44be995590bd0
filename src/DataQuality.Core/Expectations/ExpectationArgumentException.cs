using DataQuality.Core.Diagnostics;

namespace DataQuality.Core.Expectations;

/// <summary>
/// An expectation that cannot be evaluated as configured: a missing or mistyped kwarg, an unknown
/// column, a regex that does not compile. The planner turns it into an error result for that one
/// expectation (never a pass, never a crash of the whole suite).
/// </summary>
public sealed class ExpectationArgumentException : InputException
{
    public ExpectationArgumentException(string code, string message, SourceLocation? location = null, Exception? inner = null)
        : base(code, message, location, inner) { }
}
